import { ErrorCode } from '@heliokit/core'
import { sendJson } from '@heliokit/testkit'
import { expect, it } from 'vitest'
import { dispatchSend } from '../src/dispatch-send.ts'
import { createDispatcher } from '../src/dispatcher.ts'
import { failure } from './helpers/failure.ts'
import { serve } from './helpers/serve.ts'

it('refuses a request body with a typed INTERNAL error, not a retryable network one, sending nothing', async () => {
  const server = await serve((_req, res) => sendJson(res, 200, {}))
  const dispatcher = createDispatcher({ maxSockets: 1, extraCaCerts: [], proxy: false })
  const send = dispatchSend(dispatcher, 'test')
  const signal = new AbortController().signal
  const error = await failure(
    send(new URL(server.url), { method: 'GET', headers: new Headers(), body: 'x', signal }),
  )
  expect(error.code).toBe(ErrorCode.INTERNAL)
  expect(error.retryable).toBe(false)
  expect(server.requests).toHaveLength(0)
  await dispatcher.destroy()
})
