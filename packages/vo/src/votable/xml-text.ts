const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const BARE = /&(?!#?[A-Za-z0-9]{1,32};)/
const REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/g

/** Decodes the five XML entities and character references; any other entity is a plain Error (no DTD expansion). */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text
  if (BARE.test(text)) throw new Error('a bare "&" in text (write &amp;)')
  return text.replace(REFERENCE, (whole, ref: string) => {
    if (ref[0] !== '#') {
      const named = NAMED[ref]
      if (named === undefined) throw new Error(`unknown entity ${whole} (only the XML ones are allowed)`)
      return named
    }
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) {
      throw new Error(`invalid character reference ${whole}`)
    }
    return String.fromCodePoint(code)
  })
}
