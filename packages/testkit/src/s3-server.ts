import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'

/** Objects to create before the server is used: bucket name -> key -> body. */
export type S3Seed = Readonly<Record<string, Readonly<Record<string, Uint8Array | string>>>>

export interface S3ServerOptions {
  /** Buckets and objects to create. */
  readonly buckets?: S3Seed
  /** A folder whose subfolders become buckets, and the files under each (recursively) their objects. */
  readonly seedDir?: string
}

/**
 * A running s3rver. It serves path-style URLs (`<endpoint>/<bucket>/<key>`) and accepts anonymous
 * requests. Signed requests are accepted only with the access key id `S3RVER` (any secret: SigV4
 * signatures are not checked); any other access key id gets 403 InvalidAccessKeyId.
 */
export interface TestS3Server {
  /** `http://127.0.0.1:<port>`, no trailing slash: pass as the S3 client's endpoint. */
  readonly endpoint: string
  readonly port: number
  /** The temp folder holding the buckets; removed by `close`. */
  readonly directory: string
  /** Creates or replaces one object (the bucket must exist). */
  put(bucket: string, key: string, body: Uint8Array | string): Promise<void>
  /** Stops the server, cutting open connections, and removes its data folder. */
  close(): Promise<void>
}

interface S3rverInstance {
  run(): Promise<AddressInfo>
  close(): Promise<void>
  readonly httpServer: Server
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance

const PUT_CONCURRENCY = 16

/** Starts s3rver on 127.0.0.1 with a random port and a fresh temp folder, seeded with buckets and objects. */
export async function startS3Server(options: S3ServerOptions = {}): Promise<TestS3Server> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass
  const directory = await mkdtemp(join(tmpdir(), 'heliokit-s3rver-'))
  const seed = await collectSeed(options)
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: Object.keys(seed).map((name) => ({ name })),
  })
  let address: AddressInfo
  try {
    address = await server.run()
  } catch (error) {
    await rm(directory, { recursive: true, force: true })
    throw error
  }
  const endpoint = `http://127.0.0.1:${address.port}`
  const put = async (bucket: string, key: string, body: Uint8Array | string): Promise<void> => {
    const path = key.split('/').map(encodeURIComponent).join('/')
    const response = await fetch(`${endpoint}/${encodeURIComponent(bucket)}/${path}`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Uint8Array(body),
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`s3rver PUT ${bucket}/${key} answered ${response.status}`)
  }
  const close = async (): Promise<void> => {
    server.httpServer.closeAllConnections()
    await server.close()
    await rm(directory, { recursive: true, force: true })
  }
  try {
    const objects = Object.entries(seed).flatMap(([bucket, files]) =>
      Object.entries(files).map(([key, body]) => ({ bucket, key, body })),
    )
    for (let i = 0; i < objects.length; i += PUT_CONCURRENCY) {
      await Promise.all(objects.slice(i, i + PUT_CONCURRENCY).map((o) => put(o.bucket, o.key, o.body)))
    }
  } catch (error) {
    await close()
    throw error
  }
  return { endpoint, port: address.port, directory, put, close }
}

async function collectSeed(
  options: S3ServerOptions,
): Promise<Record<string, Record<string, Uint8Array | string>>> {
  const seed: Record<string, Record<string, Uint8Array | string>> = {}
  if (options.seedDir !== undefined) {
    for (const entry of await readdir(options.seedDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const bucketDir = join(options.seedDir, entry.name)
      const files: Record<string, Uint8Array> = {}
      for (const file of await readdir(bucketDir, { withFileTypes: true, recursive: true })) {
        if (!file.isFile()) continue
        const path = join(file.parentPath, file.name)
        files[relative(bucketDir, path).split(sep).join('/')] = await readFile(path)
      }
      seed[entry.name] = files
    }
  }
  for (const [bucket, files] of Object.entries(options.buckets ?? {})) {
    seed[bucket] = { ...seed[bucket], ...files }
  }
  return seed
}
