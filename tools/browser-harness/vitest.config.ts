import { packageTestConfig } from '../../vitest.shared.ts'

// Bundling and a browser start take seconds on a shared 2-core machine.
export default packageTestConfig({ testTimeout: 120_000 })
