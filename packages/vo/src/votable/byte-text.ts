const utf8 = new TextDecoder()

/**
 * Reused for short ASCII strings, one array per length (setting an array's length is a runtime call):
 * fromCharCode over a plain array is ~2x faster than over a subarray.
 */
const codesOfLength: number[][] = Array.from({ length: 64 }, (_, n) => new Array<number>(n).fill(0))

/** The text of UTF-8 bytes[start, end); invalid sequences become U+FFFD. */
export function byteText(bytes: Uint8Array, start: number, end: number): string {
  const n = end - start
  if (n >= 64) return utf8.decode(bytes.subarray(start, end))
  const codes = codesOfLength[n]!
  for (let i = 0; i < n; i++) {
    const c = bytes[start + i]!
    if (c > 0x7f) return utf8.decode(bytes.subarray(start, end))
    codes[i] = c
  }
  return String.fromCharCode.apply(null, codes)
}
