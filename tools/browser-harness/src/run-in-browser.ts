import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { bundlePage } from './bundle-page.ts'
import { launchChromium } from './chromium.ts'
import { serveDirectory } from './static-server.ts'

/** What a page's function returned, or the error it threw (as far as it can cross into Node). */
export type PageOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false
      readonly error: { name: string; message: string; code?: string; provider?: string }
    }

export interface BrowserRun<T> {
  readonly outcome: PageOutcome<T>
  /** Every module bundled into the page (to check that no Node module got in). */
  readonly modules: readonly string[]
  /** Console errors and uncaught page errors seen while it ran. */
  readonly pageErrors: readonly string[]
}

export interface RunInBrowserOptions {
  /** A module whose default export is `async (input) => result`; its result must be JSON-like. */
  readonly entry: string
  /** Passed to the entry's function (JSON-like), e.g. the URLs of local servers. */
  readonly input?: unknown
}

/**
 * Bundles `entry` with vite for the browser, serves it from its own origin on loopback, and calls its
 * function in headless Chromium (/usr/bin/chromium, see chromium.ts) with `input`.
 */
export async function runInBrowser<T>(options: RunInBrowserOptions): Promise<BrowserRun<T>> {
  const page = await bundlePage(options.entry)
  const site = await serveDirectory(page.dir)
  const browser = await launchChromium()
  const pageErrors: string[] = []
  try {
    const tab = await browser.context.newPage()
    tab.on('pageerror', (error) => pageErrors.push(error.message))
    tab.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    await tab.goto(site.url)
    await tab.waitForFunction(
      () => typeof (window as { __heliokitRun?: unknown }).__heliokitRun === 'function',
    )
    const outcome = await tab.evaluate(async (input) => {
      const run = (window as unknown as { __heliokitRun: (input: unknown) => Promise<unknown> }).__heliokitRun
      try {
        return { ok: true, value: await run(input) }
      } catch (thrown) {
        const e = thrown as { name?: unknown; message?: unknown; code?: unknown; provider?: unknown }
        return {
          ok: false,
          error: {
            name: String(e?.name),
            message: String(e?.message ?? thrown),
            code: typeof e?.code === 'string' ? e.code : undefined,
            provider: typeof e?.provider === 'string' ? e.provider : undefined,
          },
        }
      }
    }, options.input ?? null)
    return { outcome: outcome as PageOutcome<T>, modules: page.modules, pageErrors }
  } finally {
    await browser.close()
    await site.close()
    await rm(dirname(page.dir), { recursive: true, force: true })
  }
}
