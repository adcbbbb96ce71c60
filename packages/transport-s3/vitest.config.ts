import { defaultServerConditions } from 'vite'
import { packageTestConfig } from '../../vitest.shared.ts'

// The AWS SDK packages list a `module` condition (and `module` main field) pointing at ESM builds with
// extensionless imports, meant for bundlers; Node then fails to load them. Resolve them as Node would.
const base = packageTestConfig()
base.ssr = {
  ...base.ssr,
  resolve: {
    ...base.ssr?.resolve,
    conditions: ['@heliokit/source', ...defaultServerConditions.filter((c) => c !== 'module')],
    mainFields: ['main'],
  },
}
export default base
