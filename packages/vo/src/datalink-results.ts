import { BadResponseError } from '@heliokit/core'
import { type ServiceDescriptor, serviceDescriptors } from './datalink-service.ts'
import { PROVIDER_ID } from './provider-id.ts'
import { resultsResource } from './query-status.ts'
import type { VotableDocument, VotableRow, VotableValue } from './votable/model.ts'

/** One row of a DataLink links table. */
export interface DatalinkLink {
  readonly id: string
  readonly accessUrl?: string
  readonly serviceDef?: string
  /** Why there is no link for this ID (the service's per-link error). */
  readonly errorMessage?: string
  readonly description?: string
  readonly semantics: string
  readonly contentType?: string
  readonly contentLength?: number
  readonly localSemantics?: string
  /** The whole row, extra columns included. */
  readonly row: VotableRow
}

export interface DatalinkResults {
  /** The service URL asked (no query). */
  readonly url: string
  readonly document: VotableDocument
  readonly links: readonly DatalinkLink[]
  /** Links grouped by ID, in the order the IDs first appear. */
  readonly byId: ReadonlyMap<string, readonly DatalinkLink[]>
  /** Descriptors in the answer (SODA cutouts, ...) referenced by `serviceDef`. */
  readonly services: readonly ServiceDescriptor[]
  /** Links whose error_message is set. */
  readonly errors: readonly DatalinkLink[]
  /** The `source` asked for, when one was. */
  readonly source?: string
  /** A cloud source was asked for but the service answered with http(s) links only (it fell back). */
  readonly fellBack: boolean
  /** Links with one of these semantics (`#this`, `this`, or the full vocabulary URI). */
  bySemantics(...terms: string[]): DatalinkLink[]
}

const CORE = 'http://www.ivoa.net/rdf/datalink/core#'

/** A term as `#name` for core terms, unchanged for other URIs. */
function normalTerm(term: string): string {
  if (term.startsWith(CORE)) return `#${term.slice(CORE.length)}`
  return term.includes(':') || term.startsWith('#') ? term : `#${term}`
}

function textOf(value: VotableValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  return typeof value === 'string' ? value : String(value)
}

function withText<K extends string>(key: K, value: VotableValue | undefined): { [P in K]?: string } {
  const text = textOf(value)
  return (text === undefined || text === '' ? {} : { [key]: text }) as { [P in K]?: string }
}

function isCloudSource(source: string | undefined): boolean {
  return source !== undefined && source.toLowerCase() !== 'main-server'
}

/** Reads a DataLink answer; `ID`, `access_url` or `semantics` missing is BAD_RESPONSE. */
export function datalinkResults(document: VotableDocument, url: string, source?: string): DatalinkResults {
  const table = resultsResource(document)?.tables[0] ?? document.tables[0]
  for (const column of ['ID', 'access_url', 'semantics']) {
    if (!table?.field(column)) {
      throw new BadResponseError(`DataLink answer from ${url} has no ${column} column`, {
        provider: PROVIDER_ID,
        url,
      })
    }
  }
  const links: DatalinkLink[] = []
  const byId = new Map<string, DatalinkLink[]>()
  for (const row of table!.rows()) {
    const length = row.content_length
    const link: DatalinkLink = {
      id: textOf(row.ID) ?? '',
      ...withText('accessUrl', row.access_url),
      ...withText('serviceDef', row.service_def),
      ...withText('errorMessage', row.error_message),
      ...withText('description', row.description),
      semantics: textOf(row.semantics) ?? '',
      ...withText('contentType', row.content_type),
      ...(length === null || length === undefined ? {} : { contentLength: Number(length) }),
      ...withText('localSemantics', row.local_semantics),
      row,
    }
    links.push(link)
    const group = byId.get(link.id)
    if (group) group.push(link)
    else byId.set(link.id, [link])
  }
  const withUrl = links.filter((l) => l.accessUrl)
  return {
    url,
    document,
    links,
    byId,
    services: serviceDescriptors(document),
    errors: links.filter((l) => l.errorMessage),
    ...(source === undefined ? {} : { source }),
    fellBack:
      isCloudSource(source) && withUrl.length > 0 && withUrl.every((l) => /^https?:/i.test(l.accessUrl!)),
    bySemantics: (...terms) => {
      const wanted = new Set(terms.map(normalTerm))
      return links.filter((l) => wanted.has(normalTerm(l.semantics)))
    },
  }
}
