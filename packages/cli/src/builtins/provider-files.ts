import { type DataFile, InvalidInputError, NotFoundError } from '@heliokit/core'
import type { OptionSpec, OptionValue } from '@heliokit/core/commands'
import type { Session } from '../session.ts'
import { inShard, type Shard } from '../shard.ts'

export const rangeOptions: readonly OptionSpec[] = [
  { name: 'start', summary: 'start of the range, UTC (2022-01-01T06:00)', type: 'time' },
  { name: 'end', summary: 'end of the range, UTC (exclusive)', type: 'time' },
  {
    name: 'shard',
    summary: "this worker's share, i/N (or N with the index from AWS Batch / Kubernetes)",
    placeholder: 'i/N',
  },
]

export interface FileSourceInput {
  readonly provider: string | undefined
  readonly dataset: string | undefined
  readonly options: Readonly<Record<string, OptionValue | undefined>>
  readonly shard: Shard | undefined
  readonly signal: AbortSignal
}

/** A provider's `files()` for a dataset and range, with its own file options, cut to the shard. */
export async function* providerFiles(session: Session, input: FileSourceInput): AsyncGenerator<DataFile> {
  const { provider, dataset, options } = input
  if (!provider || !dataset) throw new InvalidInputError('give a provider and a dataset (or --manifest FILE)')
  const cli = session.cli(provider)
  if (!cli) throw new NotFoundError(`no provider "${provider}" (see \`heliokit providers\`)`)
  const problem = session.unavailable.get(provider)
  if (problem) throw problem
  if (
    !session.heliokit
      .providers()
      .find((p) => p.id === provider)
      ?.capabilities.includes('files')
  ) {
    throw new InvalidInputError(`provider ${provider} cannot list files`, { provider })
  }
  if (!(options.start instanceof Date) || !(options.end instanceof Date)) {
    throw new InvalidInputError('--start and --end are required')
  }
  const extra: Record<string, unknown> = {}
  for (const o of cli.fileOptions ?? []) if (options[o.name] !== undefined) extra[o.name] = options[o.name]
  const query = { ...extra, dataset, start: options.start, end: options.end }
  const outcomes = session.heliokit.files(query, {
    providers: [provider],
    onError: 'throw',
    signal: input.signal,
  })
  for await (const outcome of outcomes) {
    if (outcome.ok && inShard(outcome.value.url, input.shard)) yield outcome.value
  }
}
