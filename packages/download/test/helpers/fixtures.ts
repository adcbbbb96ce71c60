import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DataFile, Transport } from '@heliokit/core'
import { deterministicBytes, sha256Hex } from '@heliokit/testkit'
import { afterEach } from 'vitest'
import { download } from '../../src/index.ts'

/** `count` files named `<dir>/<prefix><i>.bin` of `size(i)` deterministic bytes each. */
export function fixtureFiles(
  count: number,
  size: (i: number) => number,
  prefix = 'data/f',
): { served: Map<string, Uint8Array>; paths: string[] } {
  const served = new Map<string, Uint8Array>()
  const paths: string[] = []
  for (let i = 0; i < count; i++) {
    const path = `${prefix}${i}.bin`
    paths.push(path)
    served.set(`/${path}`, deterministicBytes(path, size(i)))
  }
  return { served, paths }
}

export function dataFile(baseUrl: string, path: string, extra: Partial<DataFile> = {}): DataFile {
  return {
    provider: 'test',
    dataset: 'ds',
    url: `${baseUrl}/${path}`,
    path,
    metadata: {},
    ...extra,
  }
}

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'heliokit-download-'))
  dirs.push(dir)
  return dir
}

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .replaceAll('\\', '/'),
    )
    .sort()
}

/** Asserts-by-returning: the paths whose local copy differs from what the server holds. */
export async function mismatched(outDir: string, served: Map<string, Uint8Array>): Promise<string[]> {
  const bad: string[] = []
  for (const [urlPath, bytes] of served) {
    const local = await readFile(join(outDir, urlPath.slice(1))).catch(() => undefined)
    if (!local || sha256Hex(local) !== sha256Hex(bytes)) bad.push(urlPath)
  }
  return bad
}

/** Downloads `files` and aborts once `atBytes` have arrived in all; returns what the run threw. */
export async function abortedDownload(
  files: DataFile[],
  options: { outDir: string; transport: Transport; atBytes: number },
): Promise<unknown> {
  const controller = new AbortController()
  return download(files, {
    outDir: options.outDir,
    transports: [options.transport],
    signal: controller.signal,
    onProgress: (p) => {
      if (p.transferredBytes >= options.atBytes) controller.abort()
    },
  }).catch((error: unknown) => error)
}
