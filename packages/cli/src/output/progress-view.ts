import type { Writable } from 'node:stream'
import type { CommandProgress } from '@heliokit/core/commands'

/** Draws progress reports; `stop` leaves the last state on screen. */
export interface ProgressView {
  readonly update: (progress: CommandProgress) => void
  stop(): void
}

const quiet: ProgressView = { update: () => {}, stop: () => {} }

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`

/** A cli-progress bar (bytes or items, rate, ETA) on a terminal; nothing on a pipe or file. */
export async function progressView(stream: Writable & { isTTY?: boolean }): Promise<ProgressView> {
  if (!stream.isTTY) return quiet
  const { SingleBar } = await import('cli-progress')
  const started = performance.now()
  const bar = new SingleBar({
    stream: stream as unknown as NodeJS.WritableStream,
    format: '{label} [{bar}] {percentage}% | {amount} | {rate} | ETA {eta_formatted}',
    barsize: 30,
    hideCursor: true,
    etaBuffer: 50,
    fps: 8,
  })
  let running = false
  return {
    update(p) {
      const bytes = p.unit === 'bytes' || (p.unit === undefined && p.totalBytes !== undefined)
      const value = bytes ? p.transferredBytes : (p.completedItems ?? 0)
      const total = (bytes ? p.totalBytes : p.totalItems) ?? value
      const seconds = Math.max((performance.now() - started) / 1000, 0.001)
      const files =
        p.totalItems !== undefined
          ? `${p.completedItems ?? 0}/${p.totalItems} ${p.unit === 'items' ? 'items' : 'files'}`
          : ''
      const payload = {
        label: (p.label ?? (bytes ? 'downloading' : 'working')).padEnd(11),
        amount: bytes
          ? `${mb(p.transferredBytes)} / ${mb(p.totalBytes ?? 0)}${files ? `, ${files}` : ''}`
          : files || String(value),
        rate: bytes ? `${mb(p.transferredBytes / seconds)}/s` : `${(value / seconds).toFixed(1)}/s`,
      }
      if (!running) {
        bar.start(total, value, payload)
        running = true
      } else {
        bar.setTotal(total)
        bar.update(value, payload)
      }
    },
    stop() {
      if (running) bar.stop()
      running = false
    },
  }
}
