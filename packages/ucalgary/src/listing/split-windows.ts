import { splitTimeRange } from '@heliokit/core'
import type { UcalgaryFileTimeResolution } from '../schemas.ts'
import { FILE_SPAN_MS } from './file-span.ts'
import type { InclusiveRange } from './inclusive-range.ts'

const SECOND = 1000
const DAY = 86_400_000

/**
 * Longest range one `urls` call may cover. The one-day limit for 1min datasets is the server's; the
 * others are guesses the server has not been seen to reject, and a rejected window is split anyway.
 */
export const LISTING_WINDOW_MS: Readonly<Record<string, number>> = {
  '1min': DAY,
  '1hr': 31 * DAY,
  '1day': 366 * DAY,
}

/**
 * Splits an inclusive range into consecutive inclusive windows of at most `windowMs - 1 s` each. Inner
 * boundaries fall on multiples of `windowMs` since the epoch (UTC midnights for a one-day window), so
 * no file of a resolution dividing `windowMs` spans two windows: each file is listed exactly once.
 */
export function splitWindows(range: InclusiveRange, windowMs: number | undefined): InclusiveRange[] {
  if (windowMs === undefined) return [range]
  const alignedStart = Math.floor(range.start.getTime() / windowMs) * windowMs
  const exclusiveEnd = new Date(range.end.getTime() + SECOND)
  return splitTimeRange({ start: new Date(alignedStart), end: exclusiveEnd }, windowMs).map((w, i) => ({
    start: i === 0 ? range.start : w.start,
    end: new Date(Math.min(w.end.getTime() - SECOND, range.end.getTime())),
  }))
}

/**
 * Halves a window the server rejected, at a boundary aligned to the file span (or whole seconds);
 * undefined when it is too short to split.
 */
export function halveWindow(
  window: InclusiveRange,
  resolution: UcalgaryFileTimeResolution,
): [InclusiveRange, InclusiveRange] | undefined {
  const start = window.start.getTime()
  const end = window.end.getTime()
  const middle = start + (end - start) / 2
  const units = [FILE_SPAN_MS[resolution] ?? SECOND, SECOND]
  for (const split of units.flatMap((u) => [Math.floor(middle / u) * u, Math.ceil(middle / u) * u])) {
    if (split - SECOND >= start && split <= end) {
      return [
        { start: window.start, end: new Date(split - SECOND) },
        { start: new Date(split), end: window.end },
      ]
    }
  }
  return undefined
}

/** Window length in ms. */
export function windowSpan(window: InclusiveRange): number {
  return window.end.getTime() - window.start.getTime()
}
