/** What to do about an error, by its code; `env` names the provider's settings variables when known. */
export function errorHint(code: string, provider: string | undefined, env: readonly string[]): string {
  const settings = env.length ? ` (${env.join(', ')})` : ''
  const where = provider ? `providers.${provider} in heliokit.config.json${settings}` : 'heliokit.config.json'
  switch (code) {
    case 'INVALID_INPUT':
      return 'check the command line; see --help'
    case 'USAGE':
      return 'see --help'
    case 'AUTH':
      return `check the API key in ${where} and that its account may do this`
    case 'NOT_FOUND':
      return provider
        ? `list what exists with \`heliokit ${provider} --help\` or \`heliokit datasets --provider ${provider}\``
        : 'check the name'
    case 'RATE_LIMITED':
      return 'wait a little and run again'
    case 'TIMEOUT':
    case 'NETWORK':
    case 'UNAVAILABLE':
      return `check the network and the endpoint in ${where}, then run again (downloads resume)`
    case 'BAD_RESPONSE':
      return 'the server answered something unexpected; run again with --verbose and report it'
    case 'INTEGRITY':
      return 'run again: the file is fetched anew and verified'
    case 'CONFLICT':
      return 'the target already exists or changed; check it, or use --overwrite where offered'
    case 'ABORTED':
      return 'interrupted; run again to resume'
    case 'HTTP':
      return 'the server refused the request; run again with --verbose for the cause'
    default:
      return 'run again with --verbose for the cause'
  }
}
