import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { InvalidInputError } from '@heliokit/core'

/** A file a command reads (a query, records to upload), relative to the working directory. */
async function text(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8')
  } catch (cause) {
    throw new InvalidInputError(`cannot read ${path}`, { cause })
  }
}

export async function readJsonFile(cwd: string, path: string): Promise<unknown> {
  const body = await text(cwd, path)
  try {
    return JSON.parse(body)
  } catch (cause) {
    throw new InvalidInputError(`${path} is not valid JSON`, { cause })
  }
}

/** Records of a JSON array, NDJSON or CSV file (by extension); CSV cells stay text. */
export async function readRecordsFile(cwd: string, path: string): Promise<Record<string, unknown>[]> {
  const kind = extname(path).toLowerCase()
  if (kind === '.csv') {
    const { default: Papa } = await import('papaparse')
    const parsed = Papa.parse<Record<string, string>>((await text(cwd, path)).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: 'greedy',
    })
    const problem = parsed.errors[0]
    if (problem) throw new InvalidInputError(`${path} row ${(problem.row ?? 0) + 2}: ${problem.message}`)
    return parsed.data
  }
  if (kind === '.ndjson' || kind === '.jsonl') {
    return (await text(cwd, path))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        try {
          return JSON.parse(line) as Record<string, unknown>
        } catch (cause) {
          throw new InvalidInputError(`${path}:${i + 1} is not JSON`, { cause })
        }
      })
  }
  const json = await readJsonFile(cwd, path)
  if (!Array.isArray(json) || json.some((r) => typeof r !== 'object' || r === null)) {
    throw new InvalidInputError(`${path} must hold a JSON array of records (or use .ndjson / .csv)`)
  }
  return json as Record<string, unknown>[]
}
