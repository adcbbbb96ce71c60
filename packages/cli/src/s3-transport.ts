import {
  type CallOptions,
  InvalidInputError,
  type ListedObject,
  type OpenOptions,
  type Transport,
} from '@heliokit/core'
import type { S3ClientOptions } from '@heliokit/transport-s3'
import { lazyTransport } from './lazy-transport.ts'

/**
 * The `s3:` transport from the standard AWS variables (`AWS_ENDPOINT_URL_S3`, `AWS_REGION`, keys; anonymous
 * without keys), loaded on first use. `HELIOKIT_S3_ENDPOINTS=bucket=http://host:port,...` sends those buckets
 * to other S3-compatible endpoints (local emulators, MinIO).
 */
export function s3Transport(env: NodeJS.ProcessEnv): Transport {
  const base = s3Options(env)
  const make = (options: S3ClientOptions): Transport =>
    lazyTransport('s3', ['s3:'], async () =>
      (await import('@heliokit/transport-s3')).createS3Transport(options),
    )
  const fallback = make(base)
  const routes = new Map(
    [...endpointRoutes(env.HELIOKIT_S3_ENDPOINTS)].map(([bucket, endpoint]) => [
      bucket,
      make({ ...base, endpoint }),
    ]),
  )
  if (routes.size === 0) return fallback
  const pick = (url: URL): Transport => routes.get(url.hostname) ?? fallback
  return {
    id: 's3',
    schemes: ['s3:'],
    stat: (url: URL, options?: CallOptions) => pick(url).stat(url, options),
    open: (url: URL, options?: OpenOptions) => pick(url).open(url, options),
    list: (prefix: URL, options?: CallOptions): AsyncIterable<ListedObject> =>
      pick(prefix).list!(prefix, options),
    close: async () => {
      await Promise.all([fallback, ...routes.values()].map((t) => t.close?.()))
    },
  }
}

function endpointRoutes(text: string | undefined): Map<string, string> {
  const routes = new Map<string, string>()
  for (const pair of (text ?? '').split(',').filter((p) => p.trim() !== '')) {
    const eq = pair.indexOf('=')
    const bucket = pair.slice(0, eq).trim()
    const endpoint = pair.slice(eq + 1).trim()
    if (eq < 1 || !URL.canParse(endpoint)) {
      throw new InvalidInputError(
        `HELIOKIT_S3_ENDPOINTS must be bucket=http(s)://host:port pairs, got ${JSON.stringify(pair)}`,
      )
    }
    routes.set(bucket, endpoint)
  }
  return routes
}

function s3Options(env: NodeJS.ProcessEnv): S3ClientOptions {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env
  const credentials =
    accessKeyId && secretAccessKey
      ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined }
      : undefined
  return { endpoint, region, credentials }
}
