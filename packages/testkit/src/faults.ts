import type { IncomingMessage } from 'node:http'

/** Ways a test server can misbehave on one request. */
export type Fault =
  /** Sends the headers and part of the body (default half), then destroys the socket. */
  | { readonly kind: 'drop'; readonly afterBytes?: number }
  /** Answers with an error status (e.g. 500, 503, 429 with Retry-After) and a short body. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  /** Sends the body in small chunks with a pause between them. */
  | { readonly kind: 'slow'; readonly chunkBytes?: number; readonly delayMs: number }
  /** Declares a Content-Length that differs from the body sent by `delta` bytes, then closes. */
  | { readonly kind: 'wrong-length'; readonly delta: number }
  /** Answers 200 with an HTML error page instead of the data. */
  | { readonly kind: 'html-200' }
  /** Never answers (until the server closes). */
  | { readonly kind: 'hang' }

/** Decides, per request, whether to inject a fault. */
export interface FaultPlan {
  pick(req: IncomingMessage): Fault | undefined
}

/** Fails the first `times` requests for each path (query excluded), then lets requests through. */
export function failTimes(times: number, fault: Fault): FaultPlan {
  const seen = new Map<string, number>()
  return {
    pick(req) {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      const n = seen.get(path) ?? 0
      seen.set(path, n + 1)
      return n < times ? fault : undefined
    },
  }
}

/** Injects one of `faults` with probability `rate`, from a seeded generator so a failing run repeats. */
export function randomFaults(options: { rate: number; faults: readonly Fault[]; seed?: number }): FaultPlan {
  const next = mulberry32(options.seed ?? 1)
  return {
    pick() {
      if (next() >= options.rate) return undefined
      return options.faults[Math.floor(next() * options.faults.length)]
    },
  }
}

/** Injects faults only for requests whose path matches. */
export function onlyFor(match: (path: string, req: IncomingMessage) => boolean, plan: FaultPlan): FaultPlan {
  return { pick: (req) => (match((req.url ?? '/').split('?')[0] ?? '/', req) ? plan.pick(req) : undefined) }
}

/** A small seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
