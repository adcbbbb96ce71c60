import { resolve } from 'node:path'
import type { DataFile } from '@heliokit/core'
import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'
import { readManifest } from '../read-manifest.ts'
import { inShard, resolveShard } from '../shard.ts'
import { providerFiles, rangeOptions } from './provider-files.ts'

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
  run: async (ctx) => {
    const { api, args, options, signal } = ctx
    const session = await api.session()
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
    const summary = await ctx.download(files, {
      outDir: options.out as string,
      concurrency: options.concurrency as number | undefined,
      overwrite: options.overwrite === true,
    })
    return {
      kind: 'record',
      record: { ...summary, shard: shard ? `${shard.index}/${shard.count}` : undefined },
    }
  },
}
