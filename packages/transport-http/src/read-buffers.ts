/**
 * A buffer a socket reads into, lent to the body chunks that are views of it. It is read into again
 * only once every holder has released it.
 */
export interface ReadBuffer {
  readonly bytes: Buffer
  /** One more holder of the bytes read into it. */
  hold(): void
  /** One holder is done with them. */
  release(): void
}

export interface ReadBuffers {
  /** A free buffer to read into next. */
  take(): ReadBuffer
}

/**
 * Bytes per socket read: four times Node's own 64 KiB, so a small file arrives in fewer, larger chunks
 * and is written to disk in fewer calls (measured in tools/bench/download: about 15% less main-thread
 * CPU than 64 KiB).
 */
const READ_SIZE = 256 * 1024

/**
 * Socket read buffers reused across reads instead of one new buffer per read. A download of thousands
 * of files otherwise allocates hundreds of MB of short-lived buffers; V8 counts them as external
 * memory and answers with a full garbage collection every few dozen files (measured in
 * tools/bench/download: about half of the CPU of a download). At most `keep` free buffers are kept.
 * They are shared memory, so a consumer can hand a lent chunk to another thread without copying it
 * (@heliokit/download's write thread does).
 */
export function readBuffers(keep: number): ReadBuffers {
  const free: ReadBuffer[] = []
  const make = (): ReadBuffer => {
    let holders = 0
    const buffer: ReadBuffer = {
      bytes: Buffer.from(new SharedArrayBuffer(READ_SIZE)),
      hold: () => {
        holders++
      },
      release: () => {
        holders--
        if (holders === 0 && free.length < keep) free.push(buffer)
      },
    }
    return buffer
  }
  return { take: () => free.pop() ?? make() }
}
