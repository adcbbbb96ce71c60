#!/usr/bin/env node
import { main } from './main.ts'

// The AWS SDK's Node 20 end-of-support notice would follow every s3: command; set the variable to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const controller = new AbortController()
// A second Ctrl-C ends the process at once (the default handler is back after the first).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => controller.abort(new Error(signal)))
// A closed pipe (`heliokit files ... | head`) ends the output quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}
process.exit(await main(process.argv.slice(2), io))
