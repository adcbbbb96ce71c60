/**
 * Calls `onIdle` once no `touch` has come for `ms`, not counting time spent `hold`ing (while the reader
 * is busy rather than the network). One timer per transfer, re-armed only when it fires, not per chunk.
 */
export function idleWatch(
  ms: number,
  onIdle: () => void,
): { touch(): void; hold(): void; release(): void; stop(): void } {
  let last = Date.now()
  let held = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = (): void => {
    const idle = Date.now() - last
    if (held === 0 && idle >= ms) {
      timer = undefined
      onIdle()
      return
    }
    timer = setTimeout(check, held > 0 ? ms : ms - idle)
  }
  timer = setTimeout(check, ms)
  return {
    touch() {
      last = Date.now()
    },
    hold() {
      held++
    },
    release() {
      held--
      last = Date.now()
    },
    stop() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
