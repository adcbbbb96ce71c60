import { Worker } from 'node:worker_threads'
import { InternalError } from '@heliokit/core'
import { type WriteCommand, type WriteReport, type WriteThreadData, writeThread } from './write-thread.ts'

/** A file open for writing on the write thread. */
export interface FileSink {
  /**
   * Queues `chunk` to be appended (copied, so it may be reused at once). Returns, or resolves once the
   * ring has room for it; throws (or rejects) when an earlier write of this file failed.
   */
  write(chunk: Uint8Array): void | Promise<void>
  /**
   * Resolves once every write is done, the file is closed and, when `renameTo` is given and nothing
   * failed, renamed to it; rejects with the file's failure.
   */
  close(renameTo?: string): Promise<void>
}

/** Opens `path` with `flags` ('w' truncates, 'a' appends) on the process's write thread. */
export function openSink(path: string, flags: 'w' | 'a'): FileSink {
  writer ??= new FileWriter()
  return writer.open(path, flags)
}

let writer: FileWriter | undefined

/** Stops the process's write thread as a crash would (for tests of what happens then). */
export async function stopWriteThread(): Promise<void> {
  await writer?.terminate()
}

/** Shared memory the main thread copies chunks into for the write thread: 8 MiB, in pieces of at most 1 MiB. */
const RING_BYTES = 8 << 20
const PIECE_BYTES = 1 << 20

interface OpenState {
  failure?: Error
}

/**
 * The main thread's side of the write thread (write-thread.ts). It sends commands in batches, one
 * batch at a time: what is queued while the thread works goes with its next report, so a busy thread
 * gets fewer, larger batches (each message costs the main thread a system call). It hands out the ring's
 * space, and settles writes and closes from the thread's reports. The thread keeps the
 * process alive only while a batch is out.
 */
class FileWriter {
  readonly #worker: Worker
  readonly #ring: Uint8Array
  readonly #files = new Map<number, OpenState>()
  #nextFile = 1
  #commands: WriteCommand[] = []
  #sending = false
  #seq = 0
  /** The ring's next free offset, bytes in use, and what each write holds (in `seq` order). */
  #head = 0
  #used = 0
  #held: { seq: number; bytes: number }[] = []
  #spaceWaits: (() => void)[] = []
  /** Closes waiting for the thread, by file. */
  readonly #closing = new Map<number, () => void>()
  #broken: Error | undefined

  constructor() {
    const ring = new SharedArrayBuffer(RING_BYTES)
    this.#ring = new Uint8Array(ring)
    try {
      this.#worker = new Worker(`(${writeThread.toString()})()`, {
        eval: true,
        // The source is CommonJS: the parent's flags (`--input-type=module -e ...`) must not apply to it.
        execArgv: [],
        workerData: { ring } satisfies WriteThreadData,
      })
    } catch (cause) {
      throw new InternalError(`the download's write thread could not start (${String(cause)})`, { cause })
    }
    this.#worker.unref()
    this.#worker.on('message', (report: WriteReport) => this.#settle(report))
    this.#worker.on('error', (cause) => this.#breakDown(`failed (${cause.message})`, cause))
    this.#worker.on('exit', (code) => this.#breakDown(`exited with code ${code}`))
  }

  /** Stops the thread as a crash would. */
  async terminate(): Promise<void> {
    await this.#worker.terminate()
  }

  open(path: string, flags: 'w' | 'a'): FileSink {
    const file = this.#nextFile++
    const state: OpenState = {}
    this.#files.set(file, state)
    this.#send({ op: 'open', file, path, flags })
    return {
      write: (chunk) => {
        if (state.failure) throw state.failure
        return this.#writeCopy(file, state, chunk)
      },
      close: async (renameTo) => {
        if (!this.#broken) {
          this.#send({ op: 'close', file, renameTo })
          await new Promise<void>((resolve) => this.#closing.set(file, resolve))
        }
        this.#files.delete(file)
        if (state.failure) throw state.failure
      },
    }
  }

  #writeCopy(file: number, state: OpenState, chunk: Uint8Array): void | Promise<void> {
    for (let done = 0; done < chunk.length; ) {
      const piece = chunk.subarray(done, done + PIECE_BYTES)
      const offset = this.#reserve(piece.length)
      if (offset === undefined) {
        const rest = chunk.subarray(done)
        return new Promise<void>((resolve) => this.#spaceWaits.push(resolve)).then(() => {
          if (state.failure) throw state.failure
          return this.#writeCopy(file, state, rest)
        })
      }
      this.#ring.set(piece, offset)
      const last = this.#commands.at(-1) as Mutable<WriteCommand> | undefined
      // Reads arrive in 64 KiB chunks: a write continuing the last queued one of its file extends it.
      if (last?.op === 'write' && last.file === file && last.offset + last.length === offset) {
        last.length += piece.length
        last.seq = this.#seq
      } else this.#send({ op: 'write', file, offset, length: piece.length, seq: this.#seq })
      done += piece.length
    }
  }

  /** Takes `length` contiguous bytes of the ring for the next write (its `seq` is taken here). */
  #reserve(length: number): number | undefined {
    if (this.#used === 0) this.#head = 0
    const wraps = this.#head + length > RING_BYTES
    // Wrapping leaves the ring's tail unused until this write is done.
    const bytes = length + (wraps ? RING_BYTES - this.#head : 0)
    if (this.#used + bytes > RING_BYTES) return undefined
    const offset = wraps ? 0 : this.#head
    this.#head = offset + length
    this.#used += bytes
    this.#held.push({ seq: ++this.#seq, bytes })
    return offset
  }

  #send(command: WriteCommand): void {
    // The first command of an idle turn waits for the rest of the turn's commands.
    if (this.#commands.length === 0 && !this.#sending) setImmediate(() => this.#flush())
    this.#commands.push(command)
  }

  #flush(): void {
    if (this.#sending || this.#commands.length === 0 || this.#broken) return
    const commands = this.#commands
    this.#commands = []
    this.#sending = true
    // Referenced while a batch is out, so the process waits for what its reply settles.
    this.#worker.ref()
    this.#worker.postMessage(commands)
  }

  #settle({ written, failed, closed }: WriteReport): void {
    this.#sending = false
    if (this.#commands.length > 0) this.#flush()
    else this.#worker.unref()
    const freed = takeDone(this.#held, written)
    for (const { bytes } of freed) this.#used -= bytes
    if (freed.length > 0) for (const wake of this.#spaceWaits.splice(0)) wake()
    for (const { file, ...failure } of failed) {
      const state = this.#files.get(file)
      // An Error carrying the system's code, as Node's own fs errors do.
      if (state) state.failure ??= Object.assign(new Error(failure.message), { code: failure.code })
    }
    for (const file of closed) {
      this.#closing.get(file)?.()
      this.#closing.delete(file)
    }
  }

  /**
   * The thread died (it should not): everything waiting fails with a retryable error, and the next file
   * (or the retry of one of these) starts a new thread. What the thread wrote is a valid prefix of each
   * file, so a retry can resume from it.
   */
  #breakDown(what: string, cause?: Error): void {
    if (this.#broken) return
    if (writer === this) writer = undefined
    const error = new InternalError(`the download's write thread ${what}`, { retryable: true, cause })
    this.#broken = error
    for (const state of this.#files.values()) state.failure ??= error
    for (const wake of this.#spaceWaits.splice(0)) wake()
    for (const answer of this.#closing.values()) answer()
    this.#closing.clear()
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Removes and returns the leading entries of `queue` (in `seq` order) done by write `written`. */
function takeDone<T extends { seq: number }>(queue: T[], written: number): T[] {
  const count = queue.findIndex((entry) => entry.seq > written)
  return queue.splice(0, count === -1 ? queue.length : count)
}
