import type { VotableDocument, VotableParam } from './votable/model.ts'

/** pyvo's DATALINK_IVOID: matched as a prefix without case (`#links-1.0`, `#links-1.1`). */
export const DATALINK_STANDARD_ID = 'ivo://ivoa.net/std/datalink'

export interface SourceOption {
  readonly value: string
  readonly name?: string
}

/** A service descriptor: RESOURCE type="meta" utype="adhoc:service". */
export interface ServiceDescriptor {
  readonly id?: string
  readonly name?: string
  readonly accessUrl: string
  readonly standardId?: string
  /** PARAMs of GROUP name="inputParams"; those with `ref` take the row's value of that FIELD. */
  readonly inputParams: readonly VotableParam[]
  /** Choices of the `source` input parameter (cloud access): main-server, aws:us-east1, gc, ... */
  readonly sourceOptions: readonly SourceOption[]
}

/** Every service descriptor in a document that has an accessURL. */
export function serviceDescriptors(doc: VotableDocument): ServiceDescriptor[] {
  const all = doc.resources.flatMap(function walk(r): (typeof r)[] {
    return [r, ...r.resources.flatMap(walk)]
  })
  const out: ServiceDescriptor[] = []
  for (const resource of all) {
    if (resource.type !== 'meta' || resource.utype?.toLowerCase() !== 'adhoc:service') continue
    const accessUrl = resource.params.find((p) => p.name === 'accessURL')?.rawValue
    if (!accessUrl) continue
    const inputParams = resource.groups.find((g) => g.name === 'inputParams')?.params ?? []
    const source = inputParams.find((p) => p.name.toLowerCase() === 'source')
    out.push({
      ...(resource.id === undefined ? {} : { id: resource.id }),
      ...(resource.name === undefined ? {} : { name: resource.name }),
      accessUrl,
      ...standardId(resource.params),
      inputParams,
      sourceOptions: (source?.values?.options ?? []).map((o) =>
        o.name ? { value: o.value, name: o.name } : { value: o.value },
      ),
    })
  }
  return out
}

function standardId(params: readonly VotableParam[]): { standardId?: string } {
  const value = params.find((p) => p.name === 'standardID')?.rawValue
  return value === undefined ? {} : { standardId: value }
}

/** The first DataLink descriptor (standardID matched without case), as pyvo's `get_adhocservice_by_ivoid`. */
export function datalinkDescriptor(doc: VotableDocument): ServiceDescriptor | undefined {
  return serviceDescriptors(doc).find((d) => d.standardId?.toLowerCase().startsWith(DATALINK_STANDARD_ID))
}
