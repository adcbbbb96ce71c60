const OFFSET = /[+-]\d\d:?\d\d$/

/**
 * Milliseconds since 1970 for an index time (`2010-05-13T00:00:00Z`, `.000Z`, `2017-01-15T23:00Z`, a
 * date, or one without `Z`, which is UTC), NaN for anything else. Index files hold millions of times, so
 * this is `Date.parse` behind a shape check rather than core's `parseTime`.
 */
export function rowTime(text: string): number {
  // Date.parse also takes loose forms such as "1" or "May 3": require YYYY-MM-DD first.
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN
  const last = text.charCodeAt(text.length - 1)
  if (last === 90 || last === 122 || text.length === 10) return Date.parse(text)
  return Date.parse(OFFSET.test(text) ? text : `${text}Z`)
}

/**
 * `rowTime(text.slice(begin, end))` without making the string: the common shape
 * `YYYY-MM-DD[THH:MM[:SS[.fff…]]][Z]` is read from char codes, anything else goes to `rowTime`.
 */
export function rowTimeAt(text: string, begin: number, end: number): number {
  const n = end - begin
  if (n < 10 || text.charCodeAt(begin + 4) !== 45 || text.charCodeAt(begin + 7) !== 45) return Number.NaN
  const year = digits(text, begin, 4)
  const month = digits(text, begin + 5, 2)
  const day = digits(text, begin + 8, 2)
  let hour = 0
  let minute = 0
  let second = 0
  let ms = 0
  let at = begin + 10
  if (at < end && text.charCodeAt(at) === 84) {
    hour = digits(text, at + 1, 2)
    minute = at + 5 < end + 1 && text.charCodeAt(at + 3) === 58 ? digits(text, at + 4, 2) : -1
    at += 6
    if (at < end && text.charCodeAt(at) === 58) {
      second = digits(text, at + 1, 2)
      at += 3
      if (at < end && text.charCodeAt(at) === 46) {
        const from = ++at
        while (at < end && isDigit(text.charCodeAt(at))) at++
        // Date.parse keeps milliseconds and drops finer digits.
        for (let i = 0; i < 3; i++) ms = ms * 10 + (from + i < at ? text.charCodeAt(from + i) - 48 : 0)
        if (at === from) ms = -1
      }
    }
  }
  if (at < end && (text.charCodeAt(at) === 90 || text.charCodeAt(at) === 122)) at++
  const plain =
    at === end &&
    year >= 1000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    ms >= 0
  if (!plain) return rowTime(text.slice(begin, end))
  return (
    daysSince1970(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms
  )
}

/** Date.UTC's day count without its call (H. Hinnant's days_from_civil); a day past the month's end rolls over as there. */
function daysSince1970(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** The number written by `count` digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i)
    if (!isDigit(code)) return -1
    value = value * 10 + code - 48
  }
  return value
}
