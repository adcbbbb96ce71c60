import type { DatasetInfo, Link } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'
import type { UcalgaryDataset } from './schemas.ts'

/** A dataset in the provider-neutral shape. */
export function datasetInfo(dataset: UcalgaryDataset): DatasetInfo {
  const links: Link[] = []
  if (dataset.dataTreeUrl) links.push({ href: dataset.dataTreeUrl, rel: 'data-tree', title: 'Data tree' })
  if (dataset.doi) links.push({ href: dataset.doi, rel: 'doi' })
  if (dataset.doiDetails) links.push({ href: dataset.doiDetails, rel: 'documentation', title: 'DOI details' })
  return {
    provider: PROVIDER_ID,
    id: dataset.name,
    title: dataset.shortDescription || dataset.name,
    description: dataset.longDescription || undefined,
    citation: dataset.citation,
    doi: dataset.doi,
    links,
    raw: dataset,
  }
}
