import type { DatasetInfo, Link } from '@heliokit/core'
import type { ScregistryEntry } from './catalog-entry.ts'
import { PROVIDER_ID } from './provider-id.ts'

/** A catalog entry as core's DatasetInfo; `raw` keeps the entry as written. */
export function datasetInfo(entry: ScregistryEntry): DatasetInfo {
  const links: Link[] = [{ href: entry.index, rel: 'data-tree', title: 'yearly file indexes' }]
  if (entry.about && URL.canParse(entry.about)) links.push({ href: entry.about, rel: 'documentation' })
  if (entry.resource && URL.canParse(entry.resource)) links.push({ href: entry.resource, rel: 'describedby' })
  const doi = /\b10\.\d{4,9}\/\S+/.exec(entry.citation ?? '')?.[0]
  return {
    provider: PROVIDER_ID,
    id: entry.id,
    title: entry.title,
    description: entry.description,
    timeSpan: { start: entry.start, end: entry.stop },
    citation: entry.citation,
    doi,
    links,
    raw: entry.raw,
  }
}
