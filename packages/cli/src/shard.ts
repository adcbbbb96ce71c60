import { InvalidInputError } from '@heliokit/core'

/** One worker's share of a file list: files whose URL hashes to `index` modulo `count`. */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** Array-index variables of batch engines, read when `--shard` gives only the count (or nothing). */
const INDEX_VARIABLES = ['AWS_BATCH_JOB_ARRAY_INDEX', 'JOB_COMPLETION_INDEX'] as const

/**
 * `i/N` from `--shard`; `N` alone (or `HELIOKIT_SHARDS=N`) takes the index from AWS Batch
 * (`AWS_BATCH_JOB_ARRAY_INDEX`) or a Kubernetes indexed Job (`JOB_COMPLETION_INDEX`).
 */
export function resolveShard(flag: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  const text = flag ?? env.HELIOKIT_SHARD ?? env.HELIOKIT_SHARDS
  if (text === undefined || text === '') return undefined
  const match = /^(?:(\d+)\/)?(\d+)$/.exec(text.trim())
  if (!match) throw usage(`--shard must be i/N or N, got ${JSON.stringify(text)}`)
  const count = Number(match[2])
  const fromEnv = INDEX_VARIABLES.map((name) => env[name]).find((v) => v !== undefined && v !== '')
  const indexText = match[1] ?? fromEnv
  if (indexText === undefined) {
    throw usage(
      `--shard ${text} needs an index: give i/N, or run where ${INDEX_VARIABLES.join(' or ')} is set`,
    )
  }
  const index = Number(indexText)
  if (!Number.isInteger(index) || count < 1 || index < 0 || index >= count) {
    throw usage(`shard index must be from 0 to ${count - 1}, got ${indexText}`)
  }
  return { index, count }
}

/** Whether a URL belongs to the shard; stable across runs, machines and list order (FNV-1a of the URL). */
export function inShard(url: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true
  let hash = 0x811c9dc5
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % shard.count === shard.index
}

function usage(message: string): InvalidInputError {
  return new InvalidInputError(message, { issues: [{ path: 'shard', message }] })
}
