import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'
import {
  abortError,
  BadResponseError,
  type CallOptions,
  InvalidInputError,
  invalidField,
  type ListedObject,
  type Logger,
  NetworkError,
  type OpenedResource,
  type OpenOptions,
  type ResourceInfo,
  silentLogger,
  type Transport,
  throwIfAborted,
  UnavailableError,
} from '@heliokit/core'
import { callRetries, meteredSource, SourceResource, webSource } from '@heliokit/core/transport-kit'
import { anonymousAuthSchemes } from './anonymous-auth.ts'
import { detectBucketRegion, redirectRegion } from './bucket-region.ts'
import { loadS3Sdk, type S3Sdk } from './load-sdk.ts'
import { toS3Error } from './s3-error.ts'
import { formatS3Url, parseS3Url, type S3Location } from './s3-url.ts'

interface CommonOptions {
  /** Marks the caller as paying for requests and transfer (`RequestPayer: requester`). Default false. */
  readonly requesterPays?: boolean
  /** Keys per ListObjectsV2 page, 1 to 1000. Default 1000. */
  readonly pageSize?: number
  readonly logger?: Logger
}

/** Options when the transport builds its own clients (one per region). */
export interface S3ClientOptions extends CommonOptions {
  readonly client?: never
  /** Base config for every client made; `region`, `endpoint` and `credentials` below take precedence. */
  readonly clientConfig?: S3ClientConfig
  /**
   * Region of every bucket; one that S3 answers with a redirect to another region is read there, as
   * boto3 does. Default: detected per bucket from `x-amz-bucket-region`, else us-east-1.
   */
  readonly region?: string
  /** An S3-compatible server (`http(s)://host:port`); requests use path-style URLs. */
  readonly endpoint?: string
  /** Sign requests with these. Default: unsigned (anonymous) requests, for public buckets. */
  readonly credentials?: S3ClientConfig['credentials']
}

/** Options when the caller brings a configured client, used as-is for every bucket and never destroyed. */
export interface S3InjectedClientOptions extends CommonOptions {
  readonly client: S3Client
  readonly clientConfig?: never
  readonly region?: never
  readonly endpoint?: never
  readonly credentials?: never
}

export type S3TransportOptions = S3ClientOptions | S3InjectedClientOptions

/** The `s3:` transport; unlike HTTP it can always list. */
export interface S3Transport extends Transport {
  list(prefix: URL, options?: CallOptions): AsyncIterable<ListedObject>
  /** Destroys the clients the transport made (not an injected one); later calls fail with UNAVAILABLE. */
  close(): Promise<void>
}

const DEFAULT_REGION = 'us-east-1'
const MAX_PAGE_SIZE = 1000

/** A transport for `s3://bucket/key` URLs: stat, ranged reads and prefix listings through the AWS SDK. */
export function createS3Transport(options: S3TransportOptions = {}): S3Transport {
  const settings = validateOptions(options)
  const logger = options.logger ?? silentLogger
  const injected = options.client
  const secrets = secretsOf(options.credentials)
  const payer = options.requesterPays ? { RequestPayer: 'requester' as const } : {}
  const fixedRegion = options.region ?? options.clientConfig?.region
  const anonymous = options.credentials === undefined && options.clientConfig?.credentials === undefined
  const clients = new Map<string, S3Client>()
  const regions = new Map<string, Promise<string>>()
  let closed = false

  // One client per region, and per attempt limit when a call asks for its own.
  const clientIn = (sdk: S3Sdk, region: S3ClientConfig['region'], maxAttempts?: number): S3Client => {
    const key = `${typeof region === 'string' ? region : ''}#${maxAttempts ?? ''}`
    let client = clients.get(key)
    if (!client) {
      client = new sdk.S3Client({
        ...options.clientConfig,
        ...(maxAttempts === undefined ? {} : { maxAttempts }),
        region,
        ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(anonymous ? { httpAuthSchemes: anonymousAuthSchemes() } : {}),
      })
      clients.set(key, client)
      logger.debug('s3: created client', {
        region: typeof region === 'string' ? region : 'configured',
        maxAttempts,
        endpoint: options.endpoint,
        anonymous,
      })
    }
    return client
  }

  const regionOf = (sdk: S3Sdk, bucket: string): Promise<string> => {
    let pending = regions.get(bucket)
    if (!pending) {
      pending = detectBucketRegion(sdk, clientIn(sdk, DEFAULT_REGION), bucket).then((found) => {
        const region = found ?? DEFAULT_REGION
        logger.debug('s3: bucket region', { bucket, region, detected: found !== undefined })
        return region
      })
      regions.set(bucket, pending)
      pending.catch(() => regions.delete(bucket))
    }
    return pending
  }

  /** The client for `bucket`; `maxAttempts` overrides the SDK's retries (an injected client keeps its own). */
  const clientFor = async (
    bucket: string,
    signal: AbortSignal | undefined,
    maxAttempts: number | undefined,
  ): Promise<{ sdk: S3Sdk; client: S3Client }> => {
    if (closed) throw new UnavailableError('the s3 transport is closed')
    const sdk = await loadS3Sdk()
    if (injected) return { sdk, client: injected }
    // A given region serves every bucket, except one that S3 has redirected elsewhere.
    if (fixedRegion !== undefined && !regions.has(bucket)) {
      return { sdk, client: clientIn(sdk, fixedRegion, maxAttempts) }
    }
    // Detection is shared by concurrent callers, so one caller's abort must not cancel it for the rest.
    const region = await raceSignal(regionOf(sdk, bucket), signal)
    return { sdk, client: clientIn(sdk, region, maxAttempts) }
  }

  /** Runs one S3 call with every failure mapped; `url` is the only location any message names. */
  const call = async <T>(
    operation: string,
    location: S3Location,
    opts: CallOptions,
    run: (sdk: S3Sdk, client: S3Client) => Promise<T>,
  ): Promise<T> => {
    const url = formatS3Url(location.bucket, location.key)
    const { signal } = opts
    // The SDK counts attempts, the first included.
    const maxAttempts = opts.retries === undefined ? undefined : callRetries(opts, 0) + 1
    try {
      throwIfAborted(signal)
      const { sdk, client } = await clientFor(location.bucket, signal, maxAttempts)
      try {
        return await run(sdk, client)
      } catch (error) {
        // The bucket is in another region than the one given or detected: S3 names it, as boto3
        // follows. Later calls for the bucket go there at once.
        const region = injected ? undefined : redirectRegion(error)
        if (region === undefined) throw error
        logger.debug('s3: bucket region redirect', { bucket: location.bucket, region })
        regions.set(location.bucket, Promise.resolve(region))
        return await run(sdk, clientIn(sdk, region, maxAttempts))
      }
    } catch (error) {
      throw toS3Error(error, { operation, url, signal, secrets })
    }
  }

  async function* listPages(location: S3Location, opts: CallOptions): AsyncGenerator<ListedObject> {
    let token: string | undefined
    let listed = 0
    do {
      const page = await call('ListObjectsV2', location, opts, (sdk, client) =>
        client.send(
          new sdk.ListObjectsV2Command({
            Bucket: location.bucket,
            Prefix: location.key || undefined,
            ContinuationToken: token,
            MaxKeys: settings.pageSize,
            ...payer,
          }),
          { abortSignal: opts.signal },
        ),
      )
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue
        listed++
        yield {
          url: new URL(formatS3Url(location.bucket, object.Key)),
          key: object.Key,
          size: object.Size ?? 0,
          lastModified: object.LastModified,
          etag: object.ETag,
        }
      }
      opts.onProgress?.({ transferredBytes: 0, completedItems: listed })
      token = page.IsTruncated ? page.NextContinuationToken : undefined
      if (page.IsTruncated && !token) {
        const url = formatS3Url(location.bucket, location.key)
        throw new BadResponseError(`ListObjectsV2 ${url}: truncated page without a continuation token`, {
          url,
          issues: [{ path: 'NextContinuationToken', message: 'missing while IsTruncated is true' }],
        })
      }
    } while (token !== undefined)
  }

  return {
    id: 's3',
    schemes: ['s3:'],

    async stat(url: URL, opts: CallOptions = {}): Promise<ResourceInfo> {
      const location = parseS3Url(url, { requireKey: true })
      const head = await call('HeadObject', location, opts, (sdk, client) =>
        client.send(new sdk.HeadObjectCommand({ Bucket: location.bucket, Key: location.key, ...payer }), {
          abortSignal: opts.signal,
        }),
      )
      return {
        size: head.ContentLength,
        etag: head.ETag,
        lastModified: head.LastModified,
        contentType: head.ContentType,
        acceptsRanges: true,
      }
    },

    async open(url: URL, opts: OpenOptions = {}): Promise<OpenedResource> {
      const location = parseS3Url(url, { requireKey: true })
      const range = rangeHeader(opts.range)
      const shown = formatS3Url(location.bucket, location.key)
      const object = await call('GetObject', location, opts, async (sdk, client) => {
        const out = await client.send(
          new sdk.GetObjectCommand({ Bucket: location.bucket, Key: location.key, Range: range, ...payer }),
          { abortSignal: opts.signal },
        )
        if (!out.Body) throw new BadResponseError(`GetObject ${shown}: response has no body`, { url: shown })
        return { out, body: out.Body.transformToWebStream() as ReadableStream<Uint8Array> }
      })
      const { out } = object
      const served = parseContentRange(out.ContentRange)
      const length = out.ContentLength
      const source = meteredSource(webSource(object.body), {
        length,
        signal: opts.signal,
        onProgress: opts.onProgress,
        short: (received, expected) =>
          new NetworkError(`${shown}: body ended after ${received} of ${expected} bytes`, {
            url: shown,
            retryable: true,
          }),
        failed: (error) =>
          toS3Error(error, { operation: 'GetObject', url: shown, signal: opts.signal, secrets }),
      })
      return new SourceResource(source, {
        size: served ? served.size : length,
        length,
        range: served ? { start: served.start, end: served.end } : undefined,
        etag: out.ETag,
        contentType: out.ContentType,
      })
    },

    list(prefix: URL, opts: CallOptions = {}): AsyncIterable<ListedObject> {
      // Parsed here, not on first iteration, so bad input fails at the call.
      return listPages(parseS3Url(prefix), opts)
    },

    async close(): Promise<void> {
      closed = true
      for (const client of clients.values()) client.destroy()
      clients.clear()
      regions.clear()
    },
  }
}

function validateOptions(options: S3TransportOptions): { pageSize: number | undefined } {
  const fail = (path: string, message: string): never => {
    throw new InvalidInputError(`s3 transport option ${path} ${message}`, { issues: [{ path, message }] })
  }
  if (options.client) {
    const { clientConfig, region, endpoint, credentials } = options
    const clash = Object.entries({ clientConfig, region, endpoint, credentials }).find(
      ([, v]) => v !== undefined,
    )
    if (clash) fail(clash[0], 'cannot be combined with client: configure the client instead')
  }
  const { pageSize, region, endpoint } = options
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    fail('pageSize', `must be an integer from 1 to ${MAX_PAGE_SIZE}`)
  }
  if (region !== undefined && !/^[a-z0-9-]+$/.test(region)) fail('region', 'must look like us-east-1')
  if (endpoint !== undefined) {
    const ok = URL.canParse(endpoint) && ['http:', 'https:'].includes(new URL(endpoint).protocol)
    if (!ok) fail('endpoint', 'must be an http(s): URL')
  }
  return { pageSize }
}

function secretsOf(credentials: S3ClientConfig['credentials']): string[] {
  if (!credentials || typeof credentials === 'function') return []
  return [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken ?? ''].filter(
    Boolean,
  )
}

function rangeHeader(range: OpenOptions['range']): string | undefined {
  if (!range) return undefined
  const { start, end } = range
  const issue = (message: string): never => {
    throw invalidField('range', message)
  }
  if (!Number.isSafeInteger(start) || start < 0) issue('start must be a non-negative integer')
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start))
    issue('end must be an integer >= start')
  return `bytes=${start}-${end ?? ''}`
}

/** `bytes 0-99/1234` (total may be `*`). */
function parseContentRange(
  header: string | undefined,
): { start: number; end: number; size?: number } | undefined {
  const m = header ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim()) : null
  if (!m) return undefined
  return { start: Number(m[1]), end: Number(m[2]), size: m[3] === '*' ? undefined : Number(m[3]) }
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
