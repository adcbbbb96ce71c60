import type { Logger } from '@heliokit/core'

/** A logger that keeps what it is given. */
export function recordingLogger(): {
  lines: { level: string; message: string; fields?: Record<string, unknown> }[]
  logger: Logger
} {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  const at =
    (level: string) =>
    (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      lines.push({ level, message, fields: fields ? { ...fields } : undefined })
    }
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } }
}
