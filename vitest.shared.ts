import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig, type ViteUserConfig } from 'vitest/config'

/**
 * The vitest config every package uses. The source condition must be listed for both the client
 * and the SSR resolver, and listing conditions replaces Vite's defaults, so the defaults are kept.
 * Tests run in Node, which must resolve packages as Node does: the `module` condition and main field
 * point some packages (the AWS SDK) at bundler-only builds with extensionless imports.
 */
export function packageTestConfig(overrides: { testTimeout?: number; retry?: number } = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions: ['@heliokit/source', ...defaultClientConditions] },
    ssr: {
      resolve: {
        conditions: ['@heliokit/source', ...defaultServerConditions.filter((c) => c !== 'module')],
        mainFields: ['main'],
      },
    },
    test: {
      include: ['test/**/*.test.ts'],
      restoreMocks: true,
      testTimeout: overrides.testTimeout ?? 20_000,
      retry: overrides.retry ?? 0,
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/vitest.json' },
    },
  })
}
