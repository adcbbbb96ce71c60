/** Replaces every given secret (of 4+ characters) in a text with `***`. */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const list = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))]
  if (list.length === 0) return (text) => text
  return (text) => list.reduce((t, secret) => t.split(secret).join('***'), text)
}
