import { closeSync, openSync, renameSync, writeSync } from 'node:fs'

/**
 * A temp file written with synchronous calls, as curl does: Node's asynchronous fs costs a threadpool
 * round trip per call. Each call blocks for one chunk at most, and what was written is on disk at once.
 */
export class FileSink {
  readonly #path: string
  #fd: number | undefined

  /** Opens `path`, appending to it or truncating it; throws the system's error. */
  constructor(path: string, append: boolean) {
    this.#path = path
    this.#fd = openSync(path, append ? 'a' : 'w')
  }

  write(chunk: Uint8Array): void {
    if (this.#fd === undefined) throw new Error(`${this.#path} is closed`)
    // writeSync may write less than asked: continue after what was written.
    for (let at = 0; at < chunk.length; ) at += writeSync(this.#fd, chunk, at)
  }

  /** Closes the file; a second call does nothing. */
  close(): void {
    if (this.#fd === undefined) return
    const fd = this.#fd
    this.#fd = undefined
    closeSync(fd)
  }

  /** Closes the file and renames it to `target`. */
  commit(target: string): void {
    this.close()
    renameSync(this.#path, target)
  }
}
