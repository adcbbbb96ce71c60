/** Powers of ten exact as doubles (10^22 is the largest). */
const POW10: readonly number[] = (() => {
  const out = [1]
  for (let i = 1; i <= 22; i++) out.push(out[i - 1]! * 10)
  return out
})()

/** 1 / 10^k rounded: the correction terms need only a relative precision far below MARGIN. */
const INV_POW10: readonly number[] = POW10.map((p) => 1 / p)

/** 2^27 + 1: splits a double into two halves whose products are exact (Dekker). */
const SPLIT = 134217729
/** The sum of the terms' magnitudes times this bounds the rounding error of a correction term. */
const MARGIN = 2 ** -48

/** The rounding error of `p = a * b`, so that a * b === p + error exactly (no overflow in range). */
function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a
  const ah = t - (t - a)
  const al = a - ah
  t = SPLIT * b
  const bh = t - (t - b)
  const bl = b - bh
  return ah * bh - p + ah * bl + al * bh + al * bl
}

/** `base + correction` rounded to the nearest double when every value in correction ± margin rounds alike; NaN otherwise. */
function pinned(base: number, correction: number, margin: number): number {
  const low = base + (correction - margin)
  return low === base + (correction + margin) ? low : Number.NaN
}

/**
 * Reads the decimal number (sign, digits, point, exponent) starting at bytes[from], stopping at the first
 * byte after it or at `end`: writes to out[0] the nearest double and returns where it stopped, when it has
 * at most 19 significant digits and a decimal exponent within ±22; returns -1 for anything else (the
 * caller converts that text the slow way). Exact: one correctly rounded operation on exact operands up to
 * 15 digits, an error-free expansion checked to round unambiguously for 16 to 19. The result goes to a
 * Float64Array: a returned double would be boxed.
 */
export function decimalNumber(b: Uint8Array, from: number, end: number, out: Float64Array): number {
  let i = from
  const first = i < end ? b[i] : 0
  if (first === 45 || first === 43) i++
  const digitsFrom = i
  let point = -1
  // Up to 15 significant digits in `high` (exact), up to 4 more in `low`.
  let high = -0
  let low = -0
  let count = 0
  // One loop for every digit: a rarely taken separate path (zeros after the point) would deoptimize.
  for (; i < end; i++) {
    const c = b[i]!
    const d = c - 48
    if (d >>> 0 > 9) {
      if (c !== 46 || point >= 0) break
      point = i
      continue
    }
    // Leading zeros, before and after the point, are not significant.
    if (count === 0 && d === 0) continue
    if (count < 15) high = high * 10 + d
    else if (count < 19) low = low * 10 + d
    else return -1
    count++
  }
  const digitsTo = i
  if (digitsTo - digitsFrom - (point >= 0 ? 1 : 0) <= 0) return -1
  // Each digit after the point divides by ten.
  let scale = point < 0 ? 0 : point + 1 - digitsTo
  if (i < end && (b[i] === 101 || b[i] === 69)) {
    i++
    const sign = i < end ? b[i] : 0
    if (sign === 45 || sign === 43) i++
    const exponentFrom = i
    let exponent = 0
    for (; i < end; i++) {
      const d = b[i]! - 48
      if (d >>> 0 > 9) break
      exponent = exponent * 10 + d
    }
    if (i === exponentFrom || i - exponentFrom > 3) return -1
    scale += sign === 45 ? -exponent : exponent
  }
  if (scale < -22 || scale > 22) return -1
  // + 0 turns the -0 that `high` starts from into 0.
  const value = (count <= 15 ? shortValue(high, scale) : longValue(high, low, count - 15, scale)) + 0
  if (Number.isNaN(value)) return -1
  out[0] = first === 45 ? -value : value
  return i
}

/** Up to 15 digits: the digits and the power of ten are exact, so one operation rounds correctly. */
function shortValue(digits: number, scale: number): number {
  return scale < 0 ? digits / POW10[-scale]! : digits * POW10[scale]!
}

/** 16 to 19 digits, high * 10^lowDigits + low: exact as s + u, scaled with the error kept, then rounded. */
function longValue(high: number, low: number, lowDigits: number, scale: number): number {
  const shift = POW10[lowDigits]!
  const p = high * shift
  const e = productError(high, shift, p)
  const s = p + low
  const back = s - p
  const u = p - (s - back) + (low - back) + e
  if (scale < 0) {
    const divisor = POW10[-scale]!
    const inverse = INV_POW10[-scale]!
    const q = s / divisor
    const qd = q * divisor
    const r = s - qd - productError(q, divisor, qd)
    return pinned(q, (r + u) * inverse, (Math.abs(r) + Math.abs(u)) * inverse * MARGIN)
  }
  const factor = POW10[scale]!
  const ph = s * factor
  const pl = productError(s, factor, ph)
  const uf = u * factor
  return pinned(ph, pl + uf, (Math.abs(pl) + Math.abs(uf)) * MARGIN)
}
