import { packageTestConfig } from '../../vitest.shared.ts'

// Every test spawns the built binary, some several at once, on a shared machine.
export default packageTestConfig({ testTimeout: 90_000 })
