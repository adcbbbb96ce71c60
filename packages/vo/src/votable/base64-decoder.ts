const INVALID = 255
const SKIP = 254
const PAD = 253

const TABLE: Uint8Array = (() => {
  const table = new Uint8Array(128).fill(INVALID)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i
  for (const c of ' \t\r\n') table[c.charCodeAt(0)] = SKIP
  table['='.charCodeAt(0)] = PAD
  return table
})()

/**
 * Strict incremental base64 (whitespace allowed, nothing else): text arrives in pieces of any size and
 * the bytes go to `sink`. Node's Buffer is lenient with bad characters and browsers have only `atob`.
 */
export class Base64Decoder {
  private bits = 0
  private held = 0
  private padded = false
  private out: Uint8Array = new Uint8Array(0)

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  /** Decodes text[start, end); throws a plain Error naming the bad character. */
  push(text: string, start: number, end: number): void {
    if (this.out.length < end - start) this.out = new Uint8Array(Math.max(end - start, 4096))
    const out = this.out
    let n = 0
    let bits = this.bits
    let held = this.held
    let i = start
    while (i < end) {
      // Whole quanta of four alphabet characters at once while nothing is held over.
      if (held === 0 && !this.padded) {
        for (; i + 4 <= end; i += 4) {
          const a = text.charCodeAt(i)
          const b = text.charCodeAt(i + 1)
          const c = text.charCodeAt(i + 2)
          const d = text.charCodeAt(i + 3)
          if ((a | b | c | d) > 127) break
          const va = TABLE[a]!
          const vb = TABLE[b]!
          const vc = TABLE[c]!
          const vd = TABLE[d]!
          if ((va | vb | vc | vd) > 63) break
          const quantum = (va << 18) | (vb << 12) | (vc << 6) | vd
          out[n++] = quantum >> 16
          out[n++] = (quantum >> 8) & 0xff
          out[n++] = quantum & 0xff
        }
        if (i >= end) break
      }
      const code = text.charCodeAt(i++)
      const value = code < 128 ? TABLE[code]! : INVALID
      if (value < 64) {
        if (this.padded) throw new Error('base64 data after "=" padding')
        bits = (bits << 6) | value
        held += 6
        if (held >= 8) {
          held -= 8
          out[n++] = (bits >> held) & 0xff
          bits &= (1 << held) - 1
        }
      } else if (value === PAD) {
        this.padded = true
      } else if (value !== SKIP) {
        throw new Error(`invalid base64 character ${JSON.stringify(text[i - 1])}`)
      }
    }
    this.bits = bits
    this.held = held
    if (n > 0) this.sink(out.subarray(0, n))
  }

  /** Checks the stream ended on a whole quantum. */
  end(): void {
    if (this.held >= 6) {
      throw new Error('base64 data ends part-way through a byte')
    }
  }
}
