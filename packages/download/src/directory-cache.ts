import { mkdir, realpath } from 'node:fs/promises'
import { relative, sep } from 'node:path'
import { InvalidInputError } from '@heliokit/core'

/**
 * Creates each directory once per run and checks, after following symlinks, that it is still inside
 * the output folder (a symlinked subfolder must not lead writes elsewhere).
 */
export class DirectoryCache {
  readonly #root: string
  readonly #made = new Map<string, Promise<void>>()

  constructor(realRoot: string) {
    this.#root = realRoot
  }

  ensure(dir: string): Promise<void> {
    let made = this.#made.get(dir)
    if (!made) {
      made = this.#make(dir)
      this.#made.set(dir, made)
    }
    return made
  }

  async #make(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true })
    const real = await realpath(dir)
    const back = relative(this.#root, real)
    if (back === '..' || back.startsWith(`..${sep}`) || back.startsWith(sep) || /^[a-zA-Z]:/.test(back)) {
      throw new InvalidInputError('a folder on the local path is a symlink leading outside the output folder')
    }
  }
}
