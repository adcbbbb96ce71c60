import type { Writable } from 'node:stream'
import type { CommandResult, Row } from '@heliokit/core/commands'
import { cellText } from './cell-text.ts'
import { writeText } from './write-text.ts'

// No rule between rows: a listing reads as lines.
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }

export type OutputFormat = 'table' | 'json' | 'ndjson'

// A table is printed every this many rows, so a long listing on a terminal shows up as it arrives.
const TABLE_PAGE = 500

/** Prints a command's result: a table for people, a JSON array/object or one JSON object per line for scripts. */
export async function renderResult(
  result: CommandResult,
  format: OutputFormat,
  out: Writable,
): Promise<void> {
  if (result === undefined) return
  switch (result.kind) {
    case 'record':
      if (format === 'table') await writeText(out, `${await recordTable(result.record)}\n`)
      else await writeText(out, `${toJson(result.record)}\n`)
      return
    case 'bytes':
      for await (const chunk of result.body as AsyncIterable<Uint8Array>) {
        if (!out.write(chunk)) await new Promise((r) => out.once('drain', r))
      }
      return
    case 'rows':
      return renderRows(result.rows, result.columns, format, out)
  }
}

async function renderRows(
  rows: Iterable<Row> | AsyncIterable<Row>,
  columns: readonly string[] | undefined,
  format: OutputFormat,
  out: Writable,
): Promise<void> {
  if (format === 'ndjson') {
    for await (const row of rows) await writeText(out, `${toJson(row)}\n`)
    return
  }
  if (format === 'json') {
    let first = true
    for await (const row of rows) {
      await writeText(out, `${first ? '[\n' : ',\n'}${toJson(row)}`)
      first = false
    }
    await writeText(out, first ? '[]\n' : '\n]\n')
    return
  }
  let page: Row[] = []
  let any = false
  for await (const row of rows) {
    page.push(row)
    if (page.length === TABLE_PAGE) {
      await writeText(out, `${await rowsTable(page, columns)}\n`)
      page = []
      any = true
    }
  }
  if (page.length > 0 || !any)
    await writeText(out, page.length ? `${await rowsTable(page, columns)}\n` : '(none)\n')
}

async function rowsTable(rows: readonly Row[], columns: readonly string[] | undefined): Promise<string> {
  const { default: Table } = await import('cli-table3')
  const head = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'raw')
  const table = new Table({ head: [...head], style: { head: [], border: [] }, chars: COMPACT })
  for (const row of rows) table.push(head.map((k) => cellText(valueAt(row, k))))
  return table.toString()
}

async function recordTable(record: Row): Promise<string> {
  const { default: Table } = await import('cli-table3')
  const table = new Table({ style: { head: [], border: [] }, chars: COMPACT })
  for (const [key, value] of Object.entries(record)) table.push({ [key]: cellText(value) })
  return table.toString()
}

/** A column's value: a key, or a dotted path into nested records (`dataSource.platform`). */
function valueAt(row: object, column: string): unknown {
  const direct = (row as Record<string, unknown>)[column]
  if (direct !== undefined || !column.includes('.')) return direct
  let value: unknown = row
  for (const key of column.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key]
  return value
}

/** JSON text of a record; 64-bit integers (VOTable `long`) as numbers when exact, else as strings. */
function toJson(value: object): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v,
  )
}
