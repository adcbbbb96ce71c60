import type { DataFile, DatasetInfo } from '@heliokit/core'

export function datasetInfo(provider: string, id: string): DatasetInfo {
  return { provider, id, title: `${id} title`, links: [], raw: { id } }
}

export function dataFile(provider: string, dataset: string, name: string): DataFile {
  return {
    provider,
    dataset,
    url: `https://data.example.org/${dataset}/${name}`,
    path: `${dataset}/${name}`,
    metadata: {},
  }
}
