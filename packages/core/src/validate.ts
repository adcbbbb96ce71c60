import type { z } from 'zod'
import { BadResponseError, type ErrorIssue, InvalidInputError } from './errors.ts'
import { redactUrl } from './redact.ts'

function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}

function describe(issues: readonly ErrorIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`)
  return shown.join('; ') + (issues.length > 3 ? ` (+${issues.length - 3} more)` : '')
}

/** Validates caller input; failure is INVALID_INPUT listing every field, before anything is sent. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: { provider?: string; what: string },
): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = issuesOf(result.error)
  throw new InvalidInputError(`invalid ${context.what}: ${describe(issues)}`, {
    provider: context.provider,
    issues,
    cause: result.error,
  })
}

/** Validates a server response; failure is BAD_RESPONSE naming the (redacted) URL and the fields. */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  context: { provider?: string; url: string; status?: number },
): z.output<S> {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issues = issuesOf(result.error)
  // Callers should pass a redacted URL; redacting again is harmless and keeps a forgotten key out.
  const url = redactUrl(context.url)
  throw new BadResponseError(`unexpected response from ${url}: ${describe(issues)}`, {
    provider: context.provider,
    url,
    status: context.status,
    issues,
    cause: result.error,
  })
}
