/** What the command line asks for, found before the parser is built so only the needed providers load. */
export interface ScannedArgv {
  /** First word that is not an option: a built-in command or a provider id. */
  readonly command: string | undefined
  /** Words after the command that are not options (candidates for the provider of `files`/`download`). */
  readonly words: readonly string[]
  readonly plugins: readonly string[]
  readonly config: string | undefined
}

// Global options that take a value; their values are not commands.
const GLOBAL_WITH_VALUE = new Set(['--plugin', '--config'])

export function scanArgv(argv: readonly string[]): ScannedArgv {
  const plugins: string[] = []
  const words: string[] = []
  let config: string | undefined
  let command: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!
    if (token === '--') break
    const [flag, inline] = token.startsWith('--') ? splitInline(token) : [token, undefined]
    if (GLOBAL_WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined) continue
      if (flag === '--plugin') plugins.push(value)
      else config = value
      continue
    }
    if (token.startsWith('-')) continue
    if (command === undefined) command = token
    else words.push(token)
  }
  return { command, words, plugins, config }
}

function splitInline(token: string): [string, string | undefined] {
  const eq = token.indexOf('=')
  return eq < 0 ? [token, undefined] : [token.slice(0, eq), token.slice(eq + 1)]
}
