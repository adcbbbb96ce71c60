import { BadResponseError } from '@heliokit/core'

const HTML_FILE = /\.x?html?$/i
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)$/

/** Whether the file itself is a web page, so an HTML answer is what was asked for. */
export function isHtmlPath(path: string): boolean {
  return HTML_FILE.test(path)
}

const mimeOf = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase()

/**
 * Rejects an answer whose declared type is HTML (an error or login page served as 200) or is not in
 * `expected`. Not retryable: the same URL will keep answering the same way.
 */
export function checkContentType(
  contentType: string | undefined,
  htmlOk: boolean,
  expected: readonly string[] | undefined,
  where: string,
): void {
  if (contentType === undefined || contentType === '') return
  const mime = mimeOf(contentType)
  if (!htmlOk && HTML_TYPE.test(mime)) {
    throw new BadResponseError(`${where}: server answered with an HTML page instead of the file`, {
      issues: [{ path: 'content-type', message: mime }],
    })
  }
  if (expected && !expected.some((want) => matches(mime, want.toLowerCase()))) {
    throw new BadResponseError(`${where}: unexpected content type ${mime}`, {
      issues: [{ path: 'content-type', message: `expected one of ${expected.join(', ')}` }],
    })
  }
}

function matches(mime: string, want: string): boolean {
  return want.endsWith('/*') ? mime.startsWith(want.slice(0, -1)) : mime === want
}

const LT = 0x3c

/** Whether the first bytes of a body look like an HTML document (`<!DOCTYPE html`, `<html`). */
export function looksLikeHtml(chunk: Uint8Array): boolean {
  let i = 0
  // Skip a UTF-8 BOM and leading whitespace.
  if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3
  while (
    i < chunk.length &&
    (chunk[i] === 0x20 || chunk[i] === 0x09 || chunk[i] === 0x0a || chunk[i] === 0x0d)
  )
    i++
  if (chunk[i] !== LT) return false
  const head = Buffer.from(chunk.buffer, chunk.byteOffset + i, Math.min(16, chunk.length - i))
    .toString('latin1')
    .toLowerCase()
  return head.startsWith('<!doctype html') || head.startsWith('<html')
}
