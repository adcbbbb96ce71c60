export { type AutoindexApi, type AutoindexOptions, autoindex } from './autoindex.ts'
export type { IndexEntry } from './schemas.ts'
