// The ```ts blocks of a README, each a module a user could paste; a block right after
// `<!-- consumer-check: run, prints "text" -->` is also run, and must print that text.
import { readFileSync } from 'node:fs'

const FENCE = /^```ts\s*$/
const RUN_MARK = /^<!-- consumer-check: run, prints "(.+)" -->$/

/** `{ line, code, prints }` for every TypeScript block of a Markdown file, in order. */
export function readmeSnippets(path) {
  const lines = readFileSync(path, 'utf8').split('\n')
  const snippets = []
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i])) continue
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'))
    if (end < 0) throw new Error(`${path}:${i + 1}: unterminated code block`)
    const mark = RUN_MARK.exec(
      lines
        .slice(0, i)
        .findLast((line) => line.trim() !== '')
        ?.trim() ?? '',
    )
    snippets.push({ line: i + 1, code: `${lines.slice(i + 1, end).join('\n')}\n`, prints: mark?.[1] })
    i = end
  }
  return snippets
}
