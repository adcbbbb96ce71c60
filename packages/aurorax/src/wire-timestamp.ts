const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const [DASH, T, COLON, DOT, Z] = [45, 84, 58, 46, 90]

/** The two ASCII digits at i as a number, or -1 when either is anything else. */
function pair(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0)
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}

/**
 * A record time `YYYY-MM-DDTHH:MM:SS` (optionally `.ffffff` and `Z`; always UTC) as a Date, or
 * undefined when it is not one or not a real calendar time. Hand-written: it runs twice per record of
 * results of 100,000 records, where a regex and `Date` string parsing cost more than JSON.parse.
 * Every arithmetic step of the common form runs for every time: an operation first met mid-result (a
 * February, a leap year) would throw the optimised loop back to the interpreter.
 */
export function parseWireTimestamp(s: unknown): Date | undefined {
  if (typeof s !== 'string') return undefined
  const n = s.length
  if (n < 19 || n > 27) return undefined
  const c = (i: number) => s.charCodeAt(i)
  if (c(4) !== DASH || c(7) !== DASH || c(10) !== T || c(13) !== COLON || c(16) !== COLON) return undefined
  const century = pair(s, 0)
  const yy = pair(s, 2)
  const month = pair(s, 5)
  const day = pair(s, 8)
  const hour = pair(s, 11)
  const minute = pair(s, 14)
  const second = pair(s, 17)
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return undefined
  const year = century * 100 + yy
  const by4 = year % 4 === 0
  const by100 = year % 100 === 0
  const by400 = year % 400 === 0
  const leap = by4 && (!by100 || by400)
  if (day > (DAYS[month - 1] as number) + (month === 2 && leap ? 1 : 0)) return undefined
  let ms = 0
  const end = n - (c(n - 1) === Z ? 1 : 0)
  if (end > 19) {
    // a fraction: `.` and 1 to 6 digits, of which the first 3 are the milliseconds
    if (c(19) !== DOT || end === 20 || end > 26) return undefined
    for (let i = 20; i < end; i++) {
      const d = c(i) - 48
      if (d >>> 0 > 9) return undefined
      if (i < 23) ms += d * (i === 20 ? 100 : i === 21 ? 10 : 1)
    }
  }
  const days = daysFromCivil(year, month, day)
  return new Date(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms)
}
