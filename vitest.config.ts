import { defineConfig } from 'vitest/config'

// Local convenience: `pnpm vitest` at the root runs every package as a project.
export default defineConfig({ test: { projects: ['packages/*'] } })
