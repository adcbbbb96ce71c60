const INVALID = 255
const SKIP = 254
const PAD = 253

const encoder = new TextEncoder()

const TABLE: Uint8Array = (() => {
  const table = new Uint8Array(128).fill(INVALID)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i
  for (const c of ' \t\r\n') table[c.charCodeAt(0)] = SKIP
  table['='.charCodeAt(0)] = PAD
  return table
})()

/**
 * Strict incremental base64 (whitespace allowed, nothing else): text arrives in pieces of any size, as
 * bytes straight from the input or as decoded text, and the data goes to `sink`. Node's Buffer is lenient
 * with bad characters and browsers have only `atob`.
 */
export class Base64Decoder {
  private bits = 0
  private held = 0
  private padded = false
  private out: Uint8Array = new Uint8Array(0)
  private scratch: Uint8Array = new Uint8Array(0)

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  /** Decodes bytes[start, end) of ASCII text; throws a plain Error naming the bad character. */
  push(text: Uint8Array, start: number, end: number): void {
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
          const a = text[i]!
          const b = text[i + 1]!
          const c = text[i + 2]!
          const d = text[i + 3]!
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
      const code = text[i++]!
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
        throw new Error(`invalid base64 character ${JSON.stringify(String.fromCharCode(code))}`)
      }
    }
    this.bits = bits
    this.held = held
    if (n > 0) this.sink(out.subarray(0, n))
  }

  /** Decodes text[start, end): its bytes (ASCII unless the data is bad) go through `push`. */
  pushText(text: string, start: number, end: number): void {
    const piece = start === 0 && end === text.length ? text : text.slice(start, end)
    if (this.scratch.length < piece.length * 3)
      this.scratch = new Uint8Array(Math.max(piece.length * 3, 4096))
    const { written } = encoder.encodeInto(piece, this.scratch)
    this.push(this.scratch, 0, written)
  }

  /** Checks the stream ended on a whole quantum. */
  end(): void {
    if (this.held >= 6) {
      throw new Error('base64 data ends part-way through a byte')
    }
  }
}
