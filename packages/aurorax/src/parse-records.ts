import { parseResponse } from '@heliokit/core'
import type { z } from 'zod'
import { PROVIDER_ID } from './provider-id.ts'

/** How a search's records are checked: the schema, and optionally a fast path for common shapes. */
export interface RecordParser<T> {
  readonly schema: z.ZodType<T[], unknown>
  /**
   * Converts a freshly parsed list in place into exactly the records the schema would give, or
   * answers undefined, having perhaps overwritten part of the list, to let the schema decide.
   */
  readonly fast?: (list: unknown[]) => T[] | undefined
}

/**
 * The typed records of a result's `list`, parsed from `text`: the fast path when it accepts them, else
 * the schema (on a fresh parse, as the fast path may have spoiled the list), which names the bad field.
 */
export function parseRecords<T>(parser: RecordParser<T>, list: unknown[], text: string, url: string): T[] {
  const records = parser.fast?.(list)
  if (records) return records
  const fresh = parser.fast ? (JSON.parse(text) as { result: unknown[] }).result : list
  return parseResponse(parser.schema, fresh, { provider: PROVIDER_ID, url })
}
