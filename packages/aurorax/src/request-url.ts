import { BadResponseError } from '@heliokit/core'
import { PROVIDER_ID } from './provider-id.ts'

/** The absolute status URL of a `Location` header: http(s), no dot segments, nothing after the path. */
export function requestUrlOf(location: string, base: URL, status: number): string {
  let url: URL | undefined
  try {
    url = new URL(location, base)
  } catch {
    url = undefined
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.search ||
    url.hash ||
    /\/(\.|%2e){1,2}(\/|$)/i.test(url.pathname)
  ) {
    throw new BadResponseError(
      `search submitted, but its Location is not a request URL: ${JSON.stringify(location.slice(0, 120))}`,
      {
        provider: PROVIDER_ID,
        status,
      },
    )
  }
  return url.href
}
