import { readFileSync } from 'node:fs'

/** A real fixture file from `test/fixtures/` (see ORIGINS.md there). */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
}
