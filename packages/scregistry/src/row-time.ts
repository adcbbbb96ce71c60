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
