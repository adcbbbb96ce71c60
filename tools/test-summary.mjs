// Adds up the JSON reports each package's vitest run wrote and prints one closing line for CI.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = ['packages', 'tools', 'examples']
let passed = 0
let failed = 0
let skipped = 0
const lines = []
for (const root of roots) {
  if (!existsSync(root)) continue
  for (const name of readdirSync(root)) {
    const report = join(root, name, 'test-results', 'vitest.json')
    if (!existsSync(report)) continue
    const r = JSON.parse(readFileSync(report, 'utf8'))
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests + r.numTodoTests
    lines.push(`  ${join(root, name).padEnd(32)} ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
  }
}
console.log(`\nvitest, all packages:\n${lines.join('\n')}`)
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
