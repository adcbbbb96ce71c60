import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import type { Readable, Writable } from 'node:stream'

/** Objects to create before the server is used: bucket name -> key -> body. */
export type S3Seed = Readonly<Record<string, Readonly<Record<string, Uint8Array | string>>>>

export interface S3ServerOptions {
  /** Buckets and objects to create. */
  readonly buckets?: S3Seed
  /** A folder whose subfolders become buckets, and the files under each (recursively) their objects. */
  readonly seedDir?: string
}

/**
 * A running s3rver in a child Node process, serving path-style URLs (`<endpoint>/<bucket>/<key>`) to
 * anonymous requests. Signed requests pass only with the access key id `S3RVER` (any secret: SigV4
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

const PUT_CONCURRENCY = 16

// s3rver's continuation tokens need DES: OpenSSL 3 has it only in a process started with the legacy provider.
// The child exits when its stdin closes, so it never outlives the test process.
const CHILD_SCRIPT = `
const [modulePath, options] = JSON.parse(process.argv[1])
const S3rver = require(modulePath)
new S3rver(options).run().then(
  (address) => process.stdout.write(JSON.stringify({ port: address.port }) + '\\n'),
  (error) => { console.error(error); process.exit(1) },
)
process.stdin.on('end', () => process.exit(0)).resume()
`

/** Where s3rver is installed: an optional peer, so the HTTP emulators do not pull in its ~117 packages. */
function s3rverPath(): string {
  try {
    return createRequire(import.meta.url).resolve('s3rver')
  } catch (cause) {
    throw new Error(
      'startS3Server needs the s3rver package, an optional peer dependency of @heliokit/testkit: ' +
        'install it next to testkit with `npm i -D s3rver@3.7.1`',
      { cause },
    )
  }
}

/** Starts s3rver on 127.0.0.1 with a random port and a fresh temp folder, seeded with buckets and objects. */
export async function startS3Server(options: S3ServerOptions = {}): Promise<TestS3Server> {
  const modulePath = s3rverPath()
  const seed = await collectSeed(options)
  const directory = await mkdtemp(join(tmpdir(), 'heliokit-s3rver-'))
  const s3rverOptions = {
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: Object.keys(seed).map((name) => ({ name })),
  }
  const args = JSON.stringify([modulePath, s3rverOptions])
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD_SCRIPT, args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const close = async (): Promise<void> => {
    child.stdin.end()
    if (child.exitCode === null && child.signalCode === null) child.kill()
    await exited
    await rm(directory, { recursive: true, force: true })
  }
  let port: number
  try {
    port = await readPort(child)
  } catch (error) {
    await close()
    throw error
  }
  const endpoint = `http://127.0.0.1:${port}`
  const put = async (bucket: string, key: string, body: Uint8Array | string): Promise<void> => {
    const path = key.split('/').map(encodeURIComponent).join('/')
    const response = await fetch(`${endpoint}/${encodeURIComponent(bucket)}/${path}`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Uint8Array(body),
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`s3rver PUT ${bucket}/${key} answered ${response.status}`)
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
  return { endpoint, port, directory, put, close }
}

function readPort(child: ChildProcessByStdio<Writable, Readable, null>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const line = output.split('\n')[0]
      if (output.includes('\n') && line !== undefined) {
        child.stdout.off('data', onData)
        child.off('exit', onExit)
        child.stdout.resume()
        resolve((JSON.parse(line) as { port: number }).port)
      }
    }
    const onExit = (code: number | null): void =>
      reject(new Error(`s3rver exited (code ${code}) before listening`))
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })
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
