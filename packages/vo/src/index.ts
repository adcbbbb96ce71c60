import type { VoApi } from './vo-api.ts'

export { type CloudLocation, parseCloudAccess } from './cloud-access.ts'
export { DalQueryError } from './dal-query-error.ts'
export type { DatalinkBatch, DatalinkBatchOptions, DatalinkOptions } from './datalink-calls.ts'
export type { DatalinkLink, DatalinkResults } from './datalink-results.ts'
export {
  DATALINK_STANDARD_ID,
  datalinkDescriptor,
  type ServiceDescriptor,
  type SourceOption,
  serviceDescriptors,
} from './datalink-service.ts'
export type { PositionInput, SkyPosition } from './position.ts'
export { type QueryStatus, queryStatus, resultsResource } from './query-status.ts'
export { DEFAULT_SESAME_URL, type ResolvedName } from './sesame.ts'
export type { SiaIntersect, SiaQuery } from './sia-query.ts'
export type { SiaResults } from './sia-results.ts'
export type { Sia2Query, Sia2Shape } from './sia2-query.ts'
export { type VoFileQuery, type VoOptions, vo } from './vo.ts'
export type { VoApi, VoCallOptions, VoFileOptions, VoServiceOptions } from './vo-api.ts'
export * from './votable/index.ts'

declare module '@heliokit/core' {
  interface ProviderRegistry {
    vo: VoApi
  }
}
