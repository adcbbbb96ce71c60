/** Per-file signals that fire with the run's signal. */
export interface ChildSignals {
  /** A signal for one file; call `dispose` when the file is done. */
  child(): { readonly signal: AbortSignal; dispose(): void }
}

/**
 * One listener on `parent` aborts every live child. A listener per file would pass Node's limit of
 * ten per signal (a MaxListenersExceededWarning) as soon as the concurrency is above ten.
 */
export function childSignals(parent: AbortSignal): ChildSignals {
  const live = new Set<AbortController>()
  parent.addEventListener(
    'abort',
    () => {
      for (const controller of live) controller.abort(parent.reason)
    },
    { once: true },
  )
  return {
    child() {
      const controller = new AbortController()
      if (parent.aborted) controller.abort(parent.reason)
      else live.add(controller)
      return { signal: controller.signal, dispose: () => live.delete(controller) }
    },
  }
}
