import type { ApiClient, ApiClientOptions } from './api-client.ts'
import type { Logger } from './logger.ts'
import type { ProgressListener } from './progress.ts'
import type { DataFile, DatasetInfo } from './records.ts'
import type { TimeInput } from './time.ts'
import type { Transport } from './transport.ts'

/** Common capabilities apps can use without knowing the provider; providers may declare more. */
export type Capability = 'datasets' | 'files' | 'download' | 'upload' | (string & {})

/** A dataset search; providers read the fields they understand and may take more. */
export interface DatasetQuery {
  /** Substring or keyword the dataset name or title should contain. */
  readonly text?: string
  readonly start?: TimeInput
  readonly end?: TimeInput
  readonly [option: string]: unknown
}

/** A file listing for one dataset over a half-open time range; providers may take more fields (site, ...). */
export interface FileQuery {
  readonly dataset: string
  readonly start: TimeInput
  readonly end: TimeInput
  readonly [option: string]: unknown
}

/** What a provider gets from the client it is registered in. */
export interface ProviderContext {
  readonly logger: Logger
  readonly transports: readonly Transport[]
  /** The transport serving this URL's scheme; UNAVAILABLE when none is registered. */
  transportFor(url: string | URL): Transport
  /** A JSON API client from the registered HTTP transport; UNAVAILABLE when none is registered. */
  api(options: ApiClientOptions): ApiClient
}

/** Per-call context for capability methods. */
export interface CallContext extends ProviderContext {
  readonly signal?: AbortSignal
  readonly onProgress?: ProgressListener
}

export interface ProviderInit<Id extends string, Api> {
  readonly id: Id
  readonly title: string
  /** Extra capabilities beyond `datasets`/`files`, which are inferred from the methods present. */
  readonly capabilities?: readonly Capability[]
  datasets?(query: DatasetQuery, ctx: CallContext): AsyncIterable<DatasetInfo>
  files?(query: FileQuery, ctx: CallContext): AsyncIterable<DataFile>
  /** Builds the provider's own typed API; called once per client, on first use. */
  connect(ctx: ProviderContext): Api
}

export interface Provider<Id extends string = string, Api = unknown> extends ProviderInit<Id, Api> {
  readonly capabilities: readonly Capability[]
}

/**
 * Provider packages augment this so `hk.provider('id')` is typed for instances built dynamically:
 * `declare module '@heliokit/core' { interface ProviderRegistry { ucalgary: UcalgaryApi } }`
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface ProviderRegistry {}

/** Fills in the capabilities from the methods present, keeping the literal id type. */
export function defineProvider<const Id extends string, Api>(init: ProviderInit<Id, Api>): Provider<Id, Api> {
  const inferred: Capability[] = []
  if (typeof init.datasets === 'function') inferred.push('datasets')
  if (typeof init.files === 'function') inferred.push('files')
  const capabilities = [...new Set([...inferred, ...(init.capabilities ?? [])])]
  return { ...init, capabilities }
}
