import type { MessagePort } from 'node:worker_threads'

/** Instructions to the write thread, sent in batches; it carries them out in order. */
export type WriteCommand =
  | { readonly op: 'open'; readonly file: number; readonly path: string; readonly flags: 'w' | 'a' }
  /** Appends `length` bytes at `offset` of the ring to `file`; `seq` counts writes, from 1. */
  | {
      readonly op: 'write'
      readonly file: number
      readonly offset: number
      readonly length: number
      readonly seq: number
    }
  /**
   * Closes `file` after all its writes and, if it did not fail, renames it to `renameTo`. It is reported
   * in `closed`, after `failed` names it if it (or its rename) failed.
   */
  | { readonly op: 'close'; readonly file: number; readonly renameTo?: string }

/** A system call's failure, as it crosses between threads. */
export interface Failure {
  readonly code?: string
  readonly message: string
}

/** What a batch did: writes up to `written` are done; files that failed; files closed. */
export interface WriteReport {
  readonly written: number
  readonly failed: readonly (Failure & { readonly file: number })[]
  readonly closed: readonly number[]
}

export interface WriteThreadData {
  readonly ring: SharedArrayBuffer
}

/**
 * The write thread: opens, writes, closes and renames files with synchronous calls, one after another,
 * as curl does. Doing this on the main thread through Node's asynchronous fs costs a threadpool round
 * trip per call, which was most of the gap to curl in tools/bench/download.
 *
 * It is started from its own source text (file-writer.ts), so it must use nothing from outside
 * this function: only `require` of Node's modules.
 */
export function writeThread(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads')
  const { closeSync, openSync, renameSync, writeSync } = require('node:fs') as typeof import('node:fs')
  const port = parentPort as MessagePort
  const ring = new Uint8Array((workerData as WriteThreadData).ring)
  // A file that failed keeps its entry, without a descriptor, until it is closed: its later writes are skipped.
  const files = new Map<number, { readonly path: string; fd?: number }>()

  port.on('message', (commands: WriteCommand[]) => {
    let written = 0
    const failed: (Failure & { file: number })[] = []
    const closed: number[] = []
    const fail = (file: number, error: unknown): void => {
      const { code, message } = error as NodeJS.ErrnoException
      failed.push({ file, code, message })
      const open = files.get(file)
      if (open?.fd === undefined) return
      const fd = open.fd
      open.fd = undefined
      try {
        closeSync(fd)
      } catch {
        // The first failure is the one reported.
      }
    }
    for (const command of commands) {
      switch (command.op) {
        case 'open': {
          const open: { path: string; fd?: number } = { path: command.path }
          files.set(command.file, open)
          try {
            open.fd = openSync(command.path, command.flags)
          } catch (error) {
            fail(command.file, error)
          }
          break
        }
        case 'write': {
          written = command.seq
          const fd = files.get(command.file)?.fd
          if (fd === undefined) break
          let offset = command.offset
          const end = offset + command.length
          try {
            // writeSync may write less than asked: continue after what was written.
            while (offset < end) offset += writeSync(fd, ring, offset, end - offset)
          } catch (error) {
            fail(command.file, error)
          }
          break
        }
        case 'close': {
          const open = files.get(command.file)
          files.delete(command.file)
          try {
            if (open?.fd !== undefined) {
              closeSync(open.fd)
              if (command.renameTo !== undefined) renameSync(open.path, command.renameTo)
            }
          } catch (error) {
            fail(command.file, error)
          }
          closed.push(command.file)
          break
        }
      }
    }
    port.postMessage({ written, failed, closed } satisfies WriteReport)
  })
}
