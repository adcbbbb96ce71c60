/**
 * The value of ASCII bytes[from, to) when it is a plain decimal integer (optional sign, at most 15 digits,
 * so exact as a number); NaN for anything else, which the caller hands to its full converter.
 */
export function plainInteger(b: Uint8Array, from: number, to: number): number {
  let i = from
  const sign = b[i]
  if (sign === 45 || sign === 43) i++
  if (i === to || to - i > 15) return Number.NaN
  // -0, a heap number, makes V8 compile this arithmetic for doubles: started as a small integer, a value past
  // 2^31 (a long) would deoptimize every function this is inlined into.
  let value = -0
  for (; i < to; i++) {
    const digit = b[i]! - 48
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return sign === 45 ? -value : value
}
