import { InternalError } from '@heliokit/core'
import type { SignalLike } from '@heliokit/core/transport-kit'
import type { Dispatcher } from 'undici'
import { DispatchedResponse, type ParsedHeaders } from './dispatched-response.ts'
import { type PushedSource, pushedSource } from './pushed-source.ts'
import type { Send, SendInit, SentResponse } from './send.ts'

// A kept-alive socket the server closed as the request went out fails with one of these before any byte.
const STALE_SOCKET_CODES: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'])

/** Byte reads (GET, HEAD) through undici's dispatch, no web stream; sent once more if a stale socket fails it. */
export function dispatchSend(dispatcher: Dispatcher, userAgent: string): Send {
  const once = (url: URL, init: SendInit): Promise<SentResponse> =>
    new Promise<SentResponse>((resolve, reject) => {
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: init.method as Dispatcher.HttpMethod,
          headers: requestHeaders(url, init, userAgent),
        },
        new ResponseHandler(init.signal, resolve, reject),
      )
    })
  return async (url, init) => {
    if (init.body !== undefined) throw new InternalError('byte reads send no request bodies')
    try {
      return await once(url, init)
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      if (init.signal.aborted || typeof code !== 'string' || !STALE_SOCKET_CODES.has(code)) throw error
      return once(url, init)
    }
  }
}

// Headers objects and checkUserAgent refuse CR, LF and NUL: nothing can be smuggled into the request.
function requestHeaders(url: URL, init: SendInit, userAgent: string): string[] {
  const fields: string[] = []
  for (const [name, value] of init.headers) fields.push(name, value)
  if (!init.headers.has('user-agent')) fields.push('user-agent', userAgent)
  if ((url.username || url.password) && !init.headers.has('authorization')) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
    fields.push('authorization', `Basic ${Buffer.from(credentials).toString('base64')}`)
  }
  return fields
}

/** One request's response: resolves with its head, then pushes its body into the response's source. */
class ResponseHandler implements Dispatcher.DispatchHandler {
  readonly #signal: SignalLike
  readonly #resolve: (response: SentResponse) => void
  readonly #reject: (error: unknown) => void
  #controller: Dispatcher.DispatchController | undefined
  #source: PushedSource | undefined
  #settled = false

  constructor(signal: SignalLike, resolve: (r: SentResponse) => void, reject: (error: unknown) => void) {
    this.#signal = signal
    this.#resolve = resolve
    this.#reject = reject
    signal.addEventListener('abort', this.#onAbort, { once: true })
  }

  // The signal covers the wait for the response head; the body has its own (the reader's) abort.
  readonly #onAbort = (): void => {
    this.#controller?.abort(this.#signal.reason as Error)
    this.#fail(this.#signal.reason)
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller
    if (this.#signal.aborted) controller.abort(this.#signal.reason as Error)
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: ParsedHeaders,
    statusText?: string,
  ): void {
    if (status < 200 || this.#settled) return
    // The raw fields are views of the socket's read buffer: kept, they would pin it for the whole body.
    controller.rawHeaders = null
    this.#settled = true
    this.#signal.removeEventListener('abort', this.#onAbort)
    this.#source = pushedSource({
      pause: () => controller.pause(),
      resume: () => controller.resume(),
      cancel: (reason) => controller.abort(reason as Error),
    })
    this.#resolve(new DispatchedResponse(status, statusText ?? '', headers, this.#source))
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#source?.push(chunk)
  }

  onResponseEnd(): void {
    this.#source?.end()
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#source) this.#source.fail(error)
    else this.#fail(error)
  }

  #fail(error: unknown): void {
    if (this.#settled) return
    this.#settled = true
    this.#signal.removeEventListener('abort', this.#onAbort)
    this.#reject(error)
  }
}
