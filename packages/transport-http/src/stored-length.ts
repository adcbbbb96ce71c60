import type { HeaderFields } from './send.ts'

/** The Content-Length as a count of stored bytes: undefined when missing, malformed or of an encoded body. */
export function storedLength(headers: HeaderFields): number | undefined {
  const encoding = headers.get('content-encoding')
  // A Content-Length of a compressed body says nothing about the stored bytes.
  if (encoding !== null && encoding.toLowerCase() !== 'identity') return undefined
  const value = headers.get('content-length')
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined
}
