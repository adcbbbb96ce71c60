import type { UcalgaryDataset } from '../schemas.ts'

/** The URLs of one dataset over a time range, merged from as many listing calls as it took. */
export interface UcalgaryFileListing {
  readonly dataset: UcalgaryDataset
  /** The range asked for; `end` is inclusive. */
  readonly start: Date
  readonly end: Date
  readonly site?: string
  readonly device?: string
  /** In time order, each once. */
  readonly urls: readonly string[]
  /** What the server strips from a URL to get its place in the data tree. */
  readonly pathPrefix: string
  readonly count: number
  /** Sum of the file sizes, when the server reported it. */
  readonly totalBytes?: number
  /** How many `urls` calls the listing took. */
  readonly requests: number
}
