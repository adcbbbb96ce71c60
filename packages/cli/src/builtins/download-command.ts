import { resolve } from 'node:path'
import type { DataFile } from '@heliokit/core'
import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'
import { readManifest } from '../manifest.ts'
import { writeText } from '../output/write-text.ts'
import { inShard, resolveShard } from '../shard.ts'
import { providerFiles, rangeOptions } from './file-source.ts'

// Failed files listed one line each, up to this many.
const FAILED_LINES = 20

export const downloadCommand: CommandSpec<CliRun> = {
  name: 'download',
  summary: 'download files of a dataset (or of a --manifest) into --out, resumably and verified',
  args: [
    { name: 'provider', summary: 'provider id', required: false },
    { name: 'dataset', summary: 'dataset id', required: false },
  ],
  options: [
    ...rangeOptions,
    { name: 'out', summary: 'output folder', placeholder: 'DIR', required: true, short: 'o' },
    {
      name: 'manifest',
      summary: 'download the files of `heliokit files --ndjson` output instead',
      placeholder: 'FILE',
    },
    { name: 'concurrency', summary: 'files at once (default 8, or the config file)', type: 'number' },
    {
      name: 'overwrite',
      summary: 'download files again even when present with the right size',
      type: 'boolean',
    },
  ],
  run: async ({ api, args, options, signal, onProgress }) => {
    const [{ download }, session] = await Promise.all([import('@heliokit/download'), api.session()])
    const shard = resolveShard(options.shard as string | undefined, session.env)
    const manifest = options.manifest as string | undefined
    const files: DataFile[] | AsyncIterable<DataFile> = manifest
      ? (await readManifest(resolve(session.cwd, manifest))).filter((f) => inShard(f.url, shard))
      : providerFiles(session, {
          provider: args.provider as string | undefined,
          dataset: args.dataset as string | undefined,
          options,
          shard,
          signal,
        })
    const outDir = resolve(session.cwd, options.out as string)
    const concurrency =
      (options.concurrency as number | undefined) ??
      session.configs.find((c) => c.config.concurrency)?.config.concurrency ??
      8
    const result = await download(files, {
      outDir,
      context: session.heliokit.context,
      concurrency,
      overwrite: options.overwrite === true,
      signal,
      onProgress: (p) => onProgress({ ...p, unit: p.totalBytes === undefined ? 'files' : 'bytes' }),
    })
    for (const failed of result.failed.slice(0, FAILED_LINES)) await api.report(failed.error)
    const more = result.failed.length - FAILED_LINES
    if (more > 0) await writeText(api.io.stderr, `heliokit: ${more} more files failed\n`)
    return {
      kind: 'record',
      record: {
        outDir,
        shard: shard ? `${shard.index}/${shard.count}` : undefined,
        files: result.files.total,
        downloaded: result.files.downloaded,
        skipped: result.files.skipped,
        failed: result.files.failed,
        bytes: result.bytes,
        seconds: Number((result.durationMs / 1000).toFixed(3)),
      },
    }
  },
}
