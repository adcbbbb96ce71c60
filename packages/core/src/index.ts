export type {
  ApiClient,
  ApiClientOptions,
  ApiRequest,
  ApiResponse,
  ApiTransport,
  HttpMethod,
  QueryValue,
  RetryPolicy,
} from './api-client.ts'
export { isApiTransport } from './api-client.ts'
export { createProviderContext } from './context.ts'
// Errors and abort helpers: also `@heliokit/core/errors`, for code that must not load zod.
export * from './errors/index.ts'
export {
  type ApiOf,
  type ComposeOptions,
  createHeliokit,
  type Heliokit,
  type HeliokitOptions,
  type Outcome,
  type ProviderSummary,
} from './heliokit.ts'
export { createConsoleLogger, type LogFields, type Logger, type LogLevel, silentLogger } from './logger.ts'
export { mergeAsync } from './merge.ts'
export { outcomeValues } from './outcome-values.ts'
export { type Progress, type ProgressListener, progressRatio } from './progress.ts'
export {
  type CallContext,
  type Capability,
  type DatasetQuery,
  defineProvider,
  type FileQuery,
  type Provider,
  type ProviderContext,
  type ProviderInit,
  type ProviderRegistry,
} from './provider.ts'
export {
  type Checksum,
  type DataFile,
  type DatasetInfo,
  dataFileSchema,
  datasetInfoSchema,
  isSafeRelativePath,
  type Link,
  linkSchema,
} from './records.ts'
export { isSecretHeader, isSecretParam, redactText, redactUrl } from './redact.ts'
export {
  formatUtc,
  parseTime,
  parseTimeRange,
  splitTimeRange,
  type TimeInput,
  type TimeRange,
} from './time.ts'
export type {
  ByteRange,
  CallOptions,
  ChunkHandler,
  ListedObject,
  OpenedResource,
  OpenOptions,
  ResourceInfo,
  Transport,
} from './transport.ts'
export { parseInput, parseResponse } from './validate.ts'
