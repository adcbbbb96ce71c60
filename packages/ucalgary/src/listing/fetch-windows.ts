import {
  type ApiClient,
  ErrorCode,
  formatUtc,
  InvalidInputError,
  isHeliokitError,
  type ProgressListener,
  throwIfAborted,
} from '@heliokit/core'
import { PROVIDER_ID } from '../provider-id.ts'
import { type UcalgaryDataset, urlsResponseSchema } from '../schemas.ts'
import { inTimeOrder } from './file-name-time.ts'
import type { InclusiveRange } from './inclusive-range.ts'
import { atSiteAndDevice } from './site-and-device.ts'
import { halveWindow, LISTING_WINDOW_MS, splitWindows, windowSpan } from './split-windows.ts'

/** How a listing is fetched, whatever it is of. */
export interface WindowOptions {
  readonly includeTotalBytes?: boolean
  readonly signal?: AbortSignal
  /** Windows listed so far (`completedItems`) of those planned (`totalItems`). */
  readonly onProgress?: ProgressListener
}

export interface WindowRequest extends WindowOptions {
  readonly dataset: UcalgaryDataset
  readonly range: InclusiveRange
  readonly site?: string
  readonly device?: string
}

/** One accepted `urls` call, with URLs the previous window already listed left out. */
export interface WindowListing {
  readonly window: InclusiveRange
  readonly urls: readonly string[]
  readonly pathPrefix: string
  readonly totalBytes: number | undefined
}

const TOO_LONG = /timeframe exceeds valid range/i

/**
 * Fetches a range's listing window by window, in time order. Windows follow the dataset's known listing
 * limit and are halved whenever the server still says "Timeframe exceeds valid range"; later windows as
 * long as a rejected one are halved before they are sent.
 */
export async function* fetchWindows(
  client: ApiClient,
  request: WindowRequest,
): AsyncGenerator<WindowListing> {
  const { dataset, signal } = request
  if (!dataset.fileListingSupported) throw noFileListing(dataset)
  const pending = splitWindows(request.range, LISTING_WINDOW_MS[dataset.fileTimeResolution]).reverse()
  let shortestRejected = Number.POSITIVE_INFINITY
  let done = 0
  let previous: ReadonlySet<string> = new Set()
  while (pending.length > 0) {
    throwIfAborted(signal, PROVIDER_ID)
    const window = pending.pop()!
    const halves =
      windowSpan(window) >= shortestRejected ? halveWindow(window, dataset.fileTimeResolution) : undefined
    if (halves) {
      pending.push(halves[1], halves[0])
      continue
    }
    let answer: Awaited<ReturnType<typeof requestWindow>>
    try {
      answer = await requestWindow(client, request, window)
    } catch (error) {
      const split = tooLong(error) ? halveWindow(window, dataset.fileTimeResolution) : undefined
      if (!split) throw error
      shortestRejected = Math.min(shortestRejected, windowSpan(window))
      pending.push(split[1], split[0])
      continue
    }
    // The server may ignore a filter: keep only files whose path names the wanted site and device.
    const wanted = answer.urls.filter((u) => atSiteAndDevice(u, request))
    const urls = inTimeOrder(wanted.filter((u) => !previous.has(u)))
    previous = new Set(wanted)
    done++
    request.onProgress?.({ transferredBytes: 0, completedItems: done, totalItems: done + pending.length })
    const totalBytes = wanted.length === answer.urls.length ? answer.totalBytes : undefined
    yield { window, urls, pathPrefix: answer.pathPrefix, totalBytes }
  }
}

function requestWindow(client: ApiClient, request: WindowRequest, window: InclusiveRange) {
  return client.request(
    {
      path: 'urls',
      query: {
        name: request.dataset.name,
        start: formatUtc(window.start),
        end: formatUtc(window.end),
        site_uid: request.site,
        device_uid: request.device,
        include_total_bytes: request.includeTotalBytes ?? true,
      },
      signal: request.signal,
    },
    urlsResponseSchema,
  )
}

function noFileListing(dataset: UcalgaryDataset): InvalidInputError {
  const tree = dataset.dataTreeUrl ? `; browse its data tree at ${dataset.dataTreeUrl}` : ''
  return new InvalidInputError(`dataset ${dataset.name} has no file listing${tree}`, {
    provider: PROVIDER_ID,
    issues: [{ path: 'dataset', message: 'file_listing_supported is false' }],
  })
}

function tooLong(error: unknown): boolean {
  return (
    isHeliokitError(error) &&
    error.code === ErrorCode.INVALID_INPUT &&
    error.status === 400 &&
    TOO_LONG.test(error.message)
  )
}
