import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A file of test/fixtures (copied from the project's shared VOTable fixtures; see LICENSE-pyvo.rst). */
export function fixture(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)))
}
