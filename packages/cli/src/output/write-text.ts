import { once } from 'node:events'
import type { Writable } from 'node:stream'

/** Writes text, waiting for the stream to drain when it asks to, so long listings keep memory flat. */
export async function writeText(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}
