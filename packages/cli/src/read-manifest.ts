import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { type DataFile, dataFileSchema, InvalidInputError } from '@heliokit/core'

/** The files of a manifest written by `heliokit files --ndjson`: one DataFile per line, times as ISO text. */
export async function readManifest(path: string): Promise<DataFile[]> {
  const files: DataFile[] = []
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })
  let number = 0
  try {
    for await (const line of lines) {
      number++
      if (line.trim() === '') continue
      files.push(parseLine(line, `${path}:${number}`))
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InvalidInputError(`--manifest ${path}: no such file`)
    }
    throw error
  }
  return files
}

function parseLine(line: string, where: string): DataFile {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(line)
  } catch (cause) {
    throw new InvalidInputError(`${where}: not JSON`, { cause })
  }
  const revived = { metadata: {}, ...json, start: date(json?.start), stop: date(json?.stop) }
  const parsed = dataFileSchema.safeParse(revived)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new InvalidInputError(
      `${where}: not a file record: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      { issues },
    )
  }
  return parsed.data
}

function date(value: unknown): unknown {
  return typeof value === 'string' ? new Date(value) : value
}
