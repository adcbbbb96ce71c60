import type { ScregistryEntry } from './catalog-entry.ts'
import { invalid } from './provider-error.ts'
import type { BucketCatalog } from './read-network.ts'
import type { ScregistryBucket } from './registry-schema.ts'

/** A search across the network's catalogs; every given criterion must hold. */
export interface ScregistrySearch {
  /** Part of the dataset id, any case. */
  readonly id?: string
  /** Part of the title, any case. */
  readonly title?: string
  /** Ranked as the Python client does: occurrences in id, index and title, plus tags containing each. */
  readonly keywords?: string | readonly string[]
}

export interface ScregistryHit {
  readonly bucket: ScregistryBucket
  readonly entry: ScregistryEntry
  /** Keyword score (0 when no keywords were given). */
  readonly score: number
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, 'must be a non-empty string')
  return value.toLowerCase()
}

/** The search's criteria, lower-cased; INVALID_INPUT before anything is fetched. */
export function searchCriteria(query: ScregistrySearch): { id?: string; title?: string; keywords: string[] } {
  if (typeof query !== 'object' || query === null) throw invalid('query', 'must be an object')
  const raw =
    typeof query.keywords === 'string' ? query.keywords.split(/\s+/).filter(Boolean) : query.keywords
  if (raw !== undefined && !Array.isArray(raw))
    throw invalid('keywords', 'must be a string or a list of strings')
  const keywords = (raw ?? []).map((k, i) => text(k, `keywords.${i}`)!)
  const criteria = { id: text(query.id, 'id'), title: text(query.title, 'title'), keywords }
  if (!criteria.id && !criteria.title && keywords.length === 0) {
    throw invalid('query', 'needs an id, a title or keywords')
  }
  return criteria
}

/** Non-overlapping occurrences, as Python's `str.count`. */
function occurrences(haystack: string, needle: string): number {
  let count = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++
  return count
}

/** The index location as the catalog wrote it, which is what the Python client counts in. */
function writtenIndex(entry: ScregistryEntry): string {
  const raw = entry.raw.index ?? entry.raw.loc
  return typeof raw === 'string' ? raw : entry.index
}

/** Keyword score of one entry, exactly as cloudcatalog's `search_by_keywords`. */
export function keywordScore(entry: ScregistryEntry, keywords: readonly string[]): number {
  const id = entry.id.toLowerCase()
  const index = writtenIndex(entry).toLowerCase()
  const title = entry.title.toLowerCase()
  const tags = entry.tags.map((t) => t.toLowerCase())
  let score = 0
  for (const keyword of keywords) {
    score += occurrences(id, keyword) + occurrences(index, keyword) + occurrences(title, keyword)
    score += tags.filter((tag) => tag.includes(keyword)).length
  }
  return score
}

/** Entries matching every criterion; with keywords, highest score first and ties in catalog order. */
export function searchCatalogs(
  catalogs: readonly BucketCatalog[],
  criteria: ReturnType<typeof searchCriteria>,
): ScregistryHit[] {
  const hits: ScregistryHit[] = []
  for (const { bucket, catalog } of catalogs) {
    for (const entry of catalog.entries) {
      if (criteria.id && !entry.id.toLowerCase().includes(criteria.id)) continue
      if (criteria.title && !entry.title.toLowerCase().includes(criteria.title)) continue
      const score = criteria.keywords.length ? keywordScore(entry, criteria.keywords) : 0
      if (criteria.keywords.length && score === 0) continue
      hits.push({ bucket, entry, score })
    }
  }
  // Array.prototype.sort is stable, so equal scores keep catalog order as Python's sorted does.
  return criteria.keywords.length ? hits.sort((a, b) => b.score - a.score) : hits
}
