import { mkdir, readdir, realpath } from 'node:fs/promises'
import { relative, sep } from 'node:path'
import { InvalidInputError } from '@heliokit/core'

/**
 * Creates each directory once per run and checks, after following symlinks, that it is still inside
 * the output folder (a symlinked subfolder must not lead writes elsewhere). It also lists each folder
 * once, so a fresh download need not `lstat` its final and temp paths only to learn they are absent.
 */
export class DirectoryCache {
  readonly #root: string
  readonly #made = new Map<string, Promise<ReadonlySet<string>>>()

  constructor(realRoot: string) {
    this.#root = realRoot
  }

  /**
   * The names that were in `dir` when the run first touched it, after creating it if needed and
   * checking that it leads nowhere outside the output folder.
   */
  namesAtStart(dir: string): Promise<ReadonlySet<string>> {
    let made = this.#made.get(dir)
    if (!made) {
      made = this.#make(dir)
      this.#made.set(dir, made)
    }
    return made
  }

  async #make(dir: string): Promise<ReadonlySet<string>> {
    await mkdir(dir, { recursive: true })
    const real = await realpath(dir)
    const back = relative(this.#root, real)
    if (back === '..' || back.startsWith(`..${sep}`) || back.startsWith(sep) || /^[a-zA-Z]:/.test(back)) {
      throw new InvalidInputError('a folder on the local path is a symlink leading outside the output folder')
    }
    return new Set(await readdir(dir))
  }
}
