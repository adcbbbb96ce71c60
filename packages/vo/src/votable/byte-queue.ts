/** Bytes arriving in pieces: the unread part of earlier pieces stays in front of each new one. */
export class ByteQueue {
  buffer: Uint8Array = new Uint8Array(1 << 16)
  view: DataView = new DataView(this.buffer.buffer)
  /** The unread bytes are buffer[start, end). */
  start = 0
  end = 0

  append(bytes: Uint8Array): void {
    if (this.end + bytes.length > this.buffer.length) {
      const kept = this.end - this.start
      if (kept + bytes.length <= this.buffer.length) {
        this.buffer.copyWithin(0, this.start, this.end)
      } else {
        const next = new Uint8Array((kept + bytes.length) * 2)
        next.set(this.buffer.subarray(this.start, this.end))
        this.buffer = next
        this.view = new DataView(next.buffer)
      }
      this.start = 0
      this.end = kept
    }
    this.buffer.set(bytes, this.end)
    this.end += bytes.length
  }
}
