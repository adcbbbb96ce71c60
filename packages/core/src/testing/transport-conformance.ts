import { ErrorCode } from '../errors.ts'
import type { Progress } from '../progress.ts'
import type { Transport } from '../transport.ts'
import { check, errorTexts, expectHeliokitError, register, type TestFunction } from './check.ts'
import { concatBytes, readStream } from './read-stream.ts'

export interface TransportConformanceOptions {
  /** Called once per test; closed after it when the transport has `close`. */
  readonly create: () => Transport | Promise<Transport>
  /** A URL the transport serves whose content is exactly `content` (at least 64 KiB, so abort can land mid-body). */
  readonly url: () => string
  readonly content: Uint8Array
  /** A URL of the same store that does not exist. */
  readonly missingUrl: () => string
  /** Values that must never appear in errors. */
  readonly secrets?: readonly string[]
  readonly skip?: readonly string[]
}

/** The suite every transport runs: stat, full and ranged reads, abort, progress and error mapping. */
export function transportConformance(test: TestFunction, options: TransportConformanceOptions): void {
  const skip = options.skip ?? []
  const content = options.content
  check(content.length >= 65_536, 'transportConformance needs content of at least 64 KiB')
  const withTransport = (name: string, fn: (transport: Transport) => Promise<void>): void =>
    register(test, skip, name, async () => {
      const transport = await options.create()
      try {
        await fn(transport)
      } finally {
        await transport.close?.()
      }
    })

  withTransport('schemes: serves the scheme of the fixture URL', async (t) => {
    check(
      t.schemes.includes(new URL(options.url()).protocol),
      `schemes ${t.schemes.join(',')} miss the fixture URL's`,
    )
  })

  withTransport('stat: reports the size', async (t) => {
    const info = await t.stat(new URL(options.url()))
    check(info.size === content.length, `stat size ${info.size}, expected ${content.length}`)
  })

  withTransport('open: reads the whole resource byte for byte', async (t) => {
    const opened = await t.open(new URL(options.url()))
    const body = await readStream(opened.body)
    check(equal(body, content), `body differs (${body.length} bytes read, ${content.length} expected)`)
    check(opened.range === undefined, 'a full read must not report a range')
  })

  withTransport('open: reads an inclusive byte range', async (t) => {
    const start = 1000
    const end = 40_999
    const opened = await t.open(new URL(options.url()), { range: { start, end } })
    const body = await readStream(opened.body)
    check(
      opened.range?.start === start && opened.range.end === end,
      `range reported ${JSON.stringify(opened.range)}`,
    )
    check(equal(body, content.subarray(start, end + 1)), `range body differs (${body.length} bytes)`)
    check(opened.size === content.length, `size for a range must be the whole resource's, got ${opened.size}`)
  })

  withTransport('open: reads an open-ended range to the end', async (t) => {
    const start = content.length - 777
    const opened = await t.open(new URL(options.url()), { range: { start } })
    const body = await readStream(opened.body)
    check(equal(body, content.subarray(start)), `open-ended range body differs (${body.length} bytes)`)
  })

  withTransport('progress: reports bytes up to the total', async (t) => {
    const events: Progress[] = []
    const opened = await t.open(new URL(options.url()), { onProgress: (p) => events.push(p) })
    await readStream(opened.body)
    const last = events.at(-1)
    check(last !== undefined, 'no progress event')
    check(
      last.transferredBytes === content.length,
      `last progress ${last.transferredBytes}, expected ${content.length}`,
    )
    check(
      events.every((e, i) => i === 0 || e.transferredBytes >= events[i - 1]!.transferredBytes),
      'progress went backwards',
    )
  })

  withTransport('abort: an aborted signal fails open with ABORTED', async (t) => {
    const controller = new AbortController()
    controller.abort()
    await expectHeliokitError(
      () => t.open(new URL(options.url()), { signal: controller.signal }),
      [ErrorCode.ABORTED],
      'open after abort',
    )
  })

  withTransport('abort: aborting mid-body fails the read with ABORTED', async (t) => {
    const controller = new AbortController()
    const opened = await t.open(new URL(options.url()), { signal: controller.signal })
    const reader = opened.body.getReader()
    await reader.read()
    controller.abort()
    await expectHeliokitError(
      async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          // drain whatever was buffered before the abort
        }
        check(false, 'the body ended normally after abort')
      },
      [ErrorCode.ABORTED],
      'read after abort',
    )
  })

  // forEachChunk is optional; a transport without it passes these by not offering it.
  withTransport('forEachChunk: when offered, hands over the same bytes as body, in order', async (t) => {
    const opened = await t.open(new URL(options.url()))
    if (!opened.forEachChunk) return opened.body.cancel()
    const parts: Uint8Array[] = []
    await opened.forEachChunk((chunk) => {
      // A handed-over chunk is the handler's: kept without a copy, it must never change afterwards.
      parts.push(chunk)
      if (parts.length > 1) return
      // The first handler is slow, so a transport that reuses its buffer overwrites the kept chunk meanwhile.
      return new Promise<void>((resolve) => setTimeout(resolve, 5))
    })
    const body = concatBytes(parts)
    check(equal(body, content), `forEachChunk bytes differ (${body.length} read, ${content.length} expected)`)
  })

  withTransport('forEachChunk: when offered, aborting mid-body rejects with ABORTED', async (t) => {
    const controller = new AbortController()
    const opened = await t.open(new URL(options.url()), { signal: controller.signal })
    if (!opened.forEachChunk) return opened.body.cancel()
    const forEachChunk = opened.forEachChunk
    await expectHeliokitError(
      () => forEachChunk(() => controller.abort()),
      [ErrorCode.ABORTED],
      'forEachChunk after abort',
    )
  })

  withTransport('forEachChunk: when offered, rejects with the error its handler throws', async (t) => {
    const opened = await t.open(new URL(options.url()))
    if (!opened.forEachChunk) return opened.body.cancel()
    const mine = new Error('handler failed')
    const got = await opened
      .forEachChunk(() => {
        throw mine
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    check(got === mine, `forEachChunk rejected with ${String(got)} instead of the handler's error`)
  })

  withTransport('errors: a missing resource is NOT_FOUND with no secrets', async (t) => {
    const url = new URL(options.missingUrl())
    for (const action of [() => t.stat(url), () => t.open(url)]) {
      const error = await expectHeliokitError(action, [ErrorCode.NOT_FOUND], 'missing resource')
      const text = errorTexts(error)
      for (const secret of options.secrets ?? []) check(!text.includes(secret), 'an error exposes a secret')
    }
  })
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
