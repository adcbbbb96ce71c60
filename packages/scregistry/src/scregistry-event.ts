/** Things worth knowing about a listing that are not failures. */
export type ScregistryEvent =
  | {
      /** A year's index file does not exist (a gap in the data): it was skipped. */
      readonly type: 'missing-year'
      readonly dataset: string
      readonly year: number
      readonly url: string
    }
  | {
      /** A yearly index or catalog came from the cache (`hit`) or was fetched (`miss`, `refreshed`). */
      readonly type: 'cache'
      readonly url: string
      readonly outcome: 'hit' | 'miss' | 'refreshed'
    }
