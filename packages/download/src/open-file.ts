import { close, open, write } from 'node:fs'

/** A file open for writing, through its descriptor. */
export interface OpenFile {
  /** Writes from the start of `bytes`; resolves to how many were written (possibly fewer). */
  write(bytes: Uint8Array): Promise<number>
  close(): Promise<void>
}

/**
 * Opens `path` with `flags` ('w' or 'a'). Node's callback calls are used rather than a FileHandle:
 * per call they cost about half the main-thread CPU of FileHandle's promise ones (measured for
 * 2,000 files of 256 KiB: 0.07 s against 0.12 s), and a download makes several per file.
 */
export function openFile(path: string, flags: 'w' | 'a'): Promise<OpenFile> {
  return new Promise((resolve, reject) => {
    open(path, flags, (error, fd) => (error ? reject(error) : resolve(fileOf(fd))))
  })
}

function fileOf(fd: number): OpenFile {
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        write(fd, bytes, (error, written) => (error ? reject(error) : resolve(written)))
      }),
    close: () =>
      new Promise((resolve, reject) => {
        close(fd, (error) => (error ? reject(error) : resolve()))
      }),
  }
}
