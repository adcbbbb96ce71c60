import { ELEMENT_BYTES, fixedCount, parseArraysize } from './datatype.ts'
import type { Complex, VotableColumn, VotableDatatype, VotableEncoding, VotableValue } from './model.ts'

export interface VotableFieldInit {
  readonly name: string
  readonly datatype: VotableDatatype
  readonly id?: string
  readonly arraysize?: string
  readonly unit?: string
  readonly ucd?: string
  readonly utype?: string
  /** Written as VALUES null: how BINARY stores a null integer. */
  readonly nullValue?: string
}

export interface VotableTableInit {
  readonly name?: string
  readonly fields: readonly VotableFieldInit[]
  /** One array per field, all the same length: values (null for null) or a parsed table's typed columns. */
  readonly columns: readonly VotableColumn[]
}

export interface VotableWriteOptions {
  /** Default TABLEDATA. */
  readonly encoding?: VotableEncoding
  /** QUERY_STATUS and other INFOs written in the results RESOURCE before the table. */
  readonly infos?: readonly { readonly name: string; readonly value: string; readonly content?: string }[]
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

const SPECIAL = /[&<>"]/

function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : text
}

function attributes(values: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('')
}

function realText(value: number): string {
  if (!Number.isNaN(value)) return value === Infinity ? '+Inf' : value === -Infinity ? '-Inf' : String(value)
  return 'NaN'
}

function scalarText(value: unknown, datatype: VotableDatatype): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return datatype === 'bit' ? (value ? '1' : '0') : value ? 'T' : 'F'
  if (typeof value === 'number') return realText(value)
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'string') return value
  const complex = value as Complex
  return `${realText(complex.re)} ${realText(complex.im)}`
}

/** TABLEDATA text of one cell (before XML escaping). */
function cellText(value: VotableValue, datatype: VotableDatatype): string {
  if (value === null) return ''
  if (typeof value === 'object' && Symbol.iterator in value) {
    if (datatype === 'char' || datatype === 'unicodeChar') return (value as readonly string[]).join('')
    return Array.from(value as Iterable<unknown>, (v) => (v === null ? '?' : scalarText(v, datatype))).join(
      ' ',
    )
  }
  return scalarText(value, datatype)
}

/**
 * Writes one table as a VOTable 1.4 document in TABLEDATA, BINARY or BINARY2; the counterpart of
 * `parseVotable` for tests, emulators and uploads.
 */
export function writeVotable(table: VotableTableInit, options: VotableWriteOptions = {}): string {
  const encoding = options.encoding ?? 'TABLEDATA'
  const fields = table.fields
    .map((f) => {
      const values = f.nullValue === undefined ? '' : `<VALUES null="${escapeXml(f.nullValue)}"/>`
      const attrs = attributes({
        name: f.name,
        ID: f.id,
        datatype: f.datatype,
        arraysize: f.arraysize,
        unit: f.unit,
        ucd: f.ucd,
        utype: f.utype,
      })
      return values ? `<FIELD${attrs}>${values}</FIELD>` : `<FIELD${attrs}/>`
    })
    .join('\n')
  const infos = (options.infos ?? [])
    .map((i) => `<INFO${attributes({ name: i.name, value: i.value })}>${escapeXml(i.content ?? '')}</INFO>`)
    .join('\n')
  const data = encoding === 'TABLEDATA' ? tabledata(table) : binary(table, encoding === 'BINARY2')
  return `<?xml version="1.0" encoding="UTF-8"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
<RESOURCE type="results">
${infos}
<TABLE${attributes({ name: table.name })}>
${fields}
<DATA>${data}</DATA>
</TABLE>
</RESOURCE>
</VOTABLE>
`
}

function tabledata(table: VotableTableInit): string {
  const rows = table.columns[0]?.length ?? 0
  const parts: string[] = ['<TABLEDATA>\n']
  for (let r = 0; r < rows; r++) {
    let row = '<TR>'
    for (let f = 0; f < table.fields.length; f++) {
      const text = cellText(table.columns[f]![r]!, table.fields[f]!.datatype)
      row += text === '' ? '<TD/>' : `<TD>${escapeXml(text)}</TD>`
    }
    parts.push(`${row}</TR>\n`)
  }
  parts.push('</TABLEDATA>')
  return parts.join('')
}

/** Grows as values are written; big-endian like the format. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16)
  view = new DataView(this.bytes.buffer)
  length = 0

  reserve(n: number): number {
    if (this.length + n > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n))
      next.set(this.bytes.subarray(0, this.length))
      this.bytes = next
      this.view = new DataView(next.buffer)
    }
    const at = this.length
    this.length += n
    return at
  }
}

function writeElement(out: ByteWriter, datatype: VotableDatatype, value: unknown, nullValue?: string): void {
  const at = out.reserve(ELEMENT_BYTES[datatype])
  const v = out.view
  const n = value as number
  switch (datatype) {
    case 'boolean':
      v.setUint8(at, value === null || value === undefined ? 0x3f : value ? 0x54 : 0x46)
      return
    case 'bit':
      v.setUint8(at, value ? 0x80 : 0)
      return
    case 'unsignedByte':
      v.setUint8(at, value === null ? Number(nullValue ?? 0) : n)
      return
    case 'short':
      v.setInt16(at, value === null ? Number(nullValue ?? 0) : n)
      return
    case 'int':
      v.setInt32(at, value === null ? Number(nullValue ?? 0) : n)
      return
    case 'long':
      v.setBigInt64(at, value === null ? BigInt(nullValue ?? 0) : (value as bigint))
      return
    case 'float':
      v.setFloat32(at, value === null ? Number.NaN : n)
      return
    case 'double':
      v.setFloat64(at, value === null ? Number.NaN : n)
      return
    case 'floatComplex':
    case 'doubleComplex': {
      const c = (value as Complex | null) ?? { re: Number.NaN, im: Number.NaN }
      const half = ELEMENT_BYTES[datatype] / 2
      if (half === 4) {
        v.setFloat32(at, c.re)
        v.setFloat32(at + 4, c.im)
      } else {
        v.setFloat64(at, c.re)
        v.setFloat64(at + 8, c.im)
      }
      return
    }
    case 'char':
      v.setUint8(at, typeof value === 'string' ? value.charCodeAt(0) || 0 : 0)
      return
    case 'unicodeChar':
      v.setUint16(at, typeof value === 'string' ? value.charCodeAt(0) || 0 : 0)
      return
  }
}

const utf8 = new TextEncoder()

function writeValue(out: ByteWriter, field: VotableFieldInit, value: VotableValue): void {
  const shape = parseArraysize(field.arraysize) ?? []
  if (shape.length === 0) {
    writeElement(out, field.datatype, value, field.nullValue)
    return
  }
  const fixed = fixedCount(shape)
  let elements: unknown[]
  if (field.datatype === 'char') {
    const text = value === null ? '' : Array.isArray(value) ? value.join('') : String(value)
    elements = Array.from(utf8.encode(text), (b) => String.fromCharCode(b))
  } else if (field.datatype === 'unicodeChar') {
    elements = Array.from(value === null ? '' : String(value))
  } else {
    elements = value === null ? [] : Array.from(value as Iterable<unknown>)
  }
  const count = fixed ?? elements.length
  if (fixed === null) {
    // Reserved first: reserving may replace the view.
    const at = out.reserve(4)
    out.view.setUint32(at, count)
  }
  if (field.datatype === 'bit') {
    const at = out.reserve((count + 7) >> 3)
    for (let i = 0; i < count; i++) if (elements[i]) out.bytes[at + (i >> 3)]! |= 0x80 >> (i & 7)
    return
  }
  for (let i = 0; i < count; i++) writeElement(out, field.datatype, i < elements.length ? elements[i] : null)
}

function binary(table: VotableTableInit, binary2: boolean): string {
  const out = new ByteWriter()
  const rows = table.columns[0]?.length ?? 0
  const flagBytes = binary2 ? (table.fields.length + 7) >> 3 : 0
  for (let r = 0; r < rows; r++) {
    const flags = out.reserve(flagBytes)
    for (let f = 0; f < table.fields.length; f++) {
      const value = table.columns[f]![r]!
      if (binary2 && value === null) out.bytes[flags + (f >> 3)]! |= 0x80 >> (f & 7)
      writeValue(out, table.fields[f]!, value)
    }
  }
  const tag = binary2 ? 'BINARY2' : 'BINARY'
  return `<${tag}><STREAM encoding="base64">${base64(out.bytes.subarray(0, out.length))}</STREAM></${tag}>`
}

function base64(bytes: Uint8Array): string {
  const lines: string[] = []
  // 57 bytes make one 76-character line; whole 3-byte groups keep the pieces joinable.
  for (let at = 0; at < bytes.length; at += 57) {
    lines.push(btoa(String.fromCharCode.apply(null, bytes.subarray(at, at + 57) as unknown as number[])))
  }
  return `\n${lines.join('\n')}\n`
}
