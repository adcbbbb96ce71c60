import { datalinkDescriptor, type ServiceDescriptor, serviceDescriptors } from './datalink-service.ts'
import type { QueryStatus } from './query-status.ts'
import { resultsResource } from './query-status.ts'
import type { ServiceAnswer } from './service-call.ts'
import type { VotableDocument, VotableTable } from './votable/model.ts'
import { ParsedTable } from './votable/parsed-table.ts'

/** The answer to an SIA (or any DAL) query. */
export interface SiaResults {
  /** The service URL asked (no query). */
  readonly url: string
  readonly document: VotableDocument
  /** The results table (empty when the service sent none). */
  readonly table: VotableTable
  readonly status: QueryStatus
  /** QUERY_STATUS OVERFLOW: the service stopped at MAXREC or its own limit. */
  readonly overflow: boolean
  /** Service descriptors sent with the results. */
  readonly services: readonly ServiceDescriptor[]
  /** The DataLink descriptor, when the service sent one. */
  readonly datalink?: ServiceDescriptor
}

const EMPTY = new ParsedTable({
  fields: [],
  params: [],
  groups: [],
  links: [],
  infos: [],
  columns: [],
  nulls: [],
  rowCount: 0,
})

export function siaResults(answer: ServiceAnswer): SiaResults {
  const table = resultsResource(answer.document)?.tables[0] ?? EMPTY
  const datalink = datalinkDescriptor(answer.document)
  return {
    url: answer.url,
    document: answer.document,
    table,
    status: answer.status,
    overflow: answer.status.status === 'OVERFLOW',
    services: serviceDescriptors(answer.document),
    ...(datalink ? { datalink } : {}),
  }
}
