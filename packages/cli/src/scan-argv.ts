import { parseArgs } from 'node:util'

/** What the command line asks for, found before the parser is built so only the needed providers load. */
export interface ScannedArgv {
  /** First word that is not an option: a built-in command or a provider id. */
  readonly command: string | undefined
  /** Words after the command that are not options (candidates for the provider of `files`/`download`). */
  readonly words: readonly string[]
  readonly plugins: readonly string[]
  readonly config: string | undefined
}

export function scanArgv(argv: readonly string[]): ScannedArgv {
  const plugins: string[] = []
  const words: string[] = []
  let config: string | undefined
  let command: string | undefined
  // Not strict: every other option belongs to the parser built afterwards.
  const { tokens } = parseArgs({
    args: [...argv],
    options: { plugin: { type: 'string', multiple: true }, config: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  for (const token of tokens) {
    if (token.kind === 'option-terminator') break
    if (token.kind === 'option') {
      if (token.value === undefined) continue
      if (token.name === 'plugin') plugins.push(token.value)
      else if (token.name === 'config') config = token.value
    } else if (command === undefined) command = token.value
    else words.push(token.value)
  }
  return { command, words, plugins, config }
}
