import type { VotableDocument, VotableInfo, VotableResource } from './votable/model.ts'

export interface QueryStatus {
  /** `OK`, `ERROR`, `OVERFLOW` (upper case), or `OK` when the document has none. */
  readonly status: string
  /** The INFO's text, or its value when it has no text. */
  readonly message: string
}

function last(infos: readonly VotableInfo[]): VotableInfo | undefined {
  return infos.findLast((i) => i.name.toLowerCase() === 'query_status')
}

/** The results resource: the first of type "results", else the first resource (as pyvo). */
export function resultsResource(doc: VotableDocument): VotableResource | undefined {
  return doc.resources.find((r) => r.type?.toLowerCase() === 'results') ?? doc.resources[0]
}

/**
 * The QUERY_STATUS of a DAL response as pyvo reads it: the last one in the results resource, else in
 * its first table, else under the root.
 */
export function queryStatus(doc: VotableDocument): QueryStatus {
  const resource = resultsResource(doc)
  const info = last(resource?.infos ?? []) ?? last(resource?.tables[0]?.infos ?? []) ?? last(doc.infos)
  if (!info) return { status: 'OK', message: 'QUERY_STATUS not specified' }
  return { status: info.value.toUpperCase(), message: info.content || info.value }
}
