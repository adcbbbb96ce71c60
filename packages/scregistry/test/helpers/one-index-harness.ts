import type { DataFile } from '@heliokit/core'
import { type Harness, useHarness } from './harness.ts'

export interface OneIndexHarness extends Harness {
  /** `s3://<bucket>/idx/<ID>_2015.csv`, the one index file. */
  readonly indexUrl: string
  /** Replaces the 2015 index with `csv`, then lists all of 2015. */
  listIndex(csv: string | Uint8Array): AsyncIterable<DataFile>
}

/** `useHarness` plus a bucket whose catalog (spec `version`) lists one dataset, `bucket` in upper case. */
export function useOneIndexHarness(bucket: string, version: string): OneIndexHarness {
  const dataset = bucket.toUpperCase()
  const key = `idx/${dataset}_2015.csv`
  const catalog = {
    version,
    status: { code: 1200, message: 'OK' },
    catalog: [
      {
        id: dataset,
        index: `s3://${bucket}/idx/`,
        title: bucket,
        start: '2015-01-01T00:00Z',
        stop: '2015-12-31T00:00Z',
      },
    ],
  }
  const h = useHarness({}, { extraBuckets: { [bucket]: { 'catalog.json': JSON.stringify(catalog) } } })
  return Object.assign(h, {
    indexUrl: `s3://${bucket}/${key}`,
    async *listIndex(csv: string | Uint8Array): AsyncGenerator<DataFile> {
      await h.net.s3.put(bucket, key, csv)
      yield* h.sc.files({ dataset, bucket, start: '2015-01-01', stop: '2016-01-01' })
    },
  })
}
