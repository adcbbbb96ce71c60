export type { Io } from './io.ts'
export { type KnownProvider, knownProviders } from './known-providers.ts'
export { main } from './main.ts'
export { inShard, resolveShard, type Shard } from './shard.ts'
