export { ConformanceFailure, type TestFunction } from './check.ts'
export {
  type ApiErrorCase,
  type ProviderConformanceOptions,
  providerConformance,
} from './provider-conformance.ts'
export { concatBytes, readStream } from './read-stream.ts'
export { type TransportConformanceOptions, transportConformance } from './transport-conformance.ts'
