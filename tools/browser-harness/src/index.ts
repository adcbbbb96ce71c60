export { type BundledPage, bundlePage } from './bundle-page.ts'
export { CHROMIUM_PATH, launchChromium } from './chromium.ts'
export {
  type BrowserRun,
  type PageOutcome,
  type RunInBrowserOptions,
  runInBrowser,
} from './run-in-browser.ts'
export { serveDirectory } from './static-server.ts'
