/**
 * Reads the plain decimal integer (optional sign, at most 15 digits, so exact as a number) starting at
 * bytes[from], stopping at the first byte after it or at `end`: writes it to out[0] and returns where it
 * stopped; -1 for anything else, which the caller hands to its full converter.
 */
export function plainInteger(b: Uint8Array, from: number, end: number, out: Float64Array): number {
  let i = from
  const sign = i < end ? b[i] : 0
  if (sign === 45 || sign === 43) i++
  const digitsFrom = i
  // -0, a heap number, makes V8 compile this arithmetic for doubles: started as a small integer, a value past
  // 2^31 (a long) would deoptimize every function this is inlined into.
  let value = -0
  for (; i < end; i++) {
    const digit = b[i]! - 48
    if (digit >>> 0 > 9) break
    value = value * 10 + digit
  }
  if (i === digitsFrom || i - digitsFrom > 15) return -1
  out[0] = sign === 45 ? -value : value
  return i
}
