import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'
import { resolveShard } from '../shard.ts'
import { providerFiles, rangeOptions } from './provider-files.ts'

export const filesCommand: CommandSpec<CliRun> = {
  name: 'files',
  summary:
    'files of a dataset over a time range, from any provider that lists files (--ndjson makes a manifest)',
  args: [
    { name: 'provider', summary: 'provider id' },
    { name: 'dataset', summary: 'dataset id' },
  ],
  options: rangeOptions,
  run: async ({ api, args, options, signal }) => {
    const session = await api.session()
    const shard = resolveShard(options.shard as string | undefined, session.env)
    const files = providerFiles(session, {
      provider: args.provider as string,
      dataset: args.dataset as string,
      options,
      shard,
      signal,
    })
    return { kind: 'rows', columns: ['path', 'size', 'start'], rows: files }
  },
}
