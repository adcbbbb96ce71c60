import { BadResponseError, type DataFile } from '@heliokit/core'
import type { IndexRow } from './index-rows.ts'
import { PROVIDER_ID } from './provider-id.ts'

// What core's isSafeRelativePath refuses, as one test: `.`/`..` segments, empty segments, `\`, NUL.
const UNSAFE = /(^|\/)\.{1,2}(\/|$)|\/\/|\\|\0|\/$/

/**
 * A row as a core DataFile: `size` from filesize, a checksum @heliokit/download verifies, and the local
 * path `<dataset>/<key>` (the object's key without its bucket or host); extra columns are its metadata.
 */
export function toDataFile(row: IndexRow, stop: number, dataset: string, index: string): DataFile {
  const afterHost = row.url.indexOf('/', row.url.indexOf('//') + 2)
  const key = afterHost < 0 ? '' : row.url.slice(afterHost + 1)
  const path = `${dataset}/${key}`
  if (key === '' || UNSAFE.test(key)) {
    const message = `datakey ${JSON.stringify(row.url.slice(0, 200))} has no safe object key`
    throw new BadResponseError(`${index} line ${row.line}: ${message}`, {
      provider: PROVIDER_ID,
      url: index,
      issues: [{ path: `line ${row.line}`, message }],
    })
  }
  return {
    provider: PROVIDER_ID,
    dataset,
    url: row.url,
    start: new Date(row.start),
    stop: Number.isNaN(stop) ? undefined : new Date(stop),
    size: row.size,
    checksum: row.checksum,
    path,
    metadata: row.extras,
  }
}
