import type { Logger } from '@heliokit/core'
import type { ResolvedRetry } from '@heliokit/core/transport-kit'
import type { DirectoryCache } from './directory-cache.ts'
import type { FileSignals } from './file-signals.ts'
import type { ProgressTracker } from './progress-tracker.ts'

/** What every file of a run shares. */
// A class: a literal rebuilt per run widens its field types and deoptimises the per-file code.
export class RunState {
  readonly signals: FileSignals
  readonly overwrite: boolean
  readonly retry: ResolvedRetry
  readonly expectedContentTypes: readonly string[] | undefined
  readonly logger: Logger
  readonly dirs: DirectoryCache
  readonly progress: ProgressTracker

  constructor(fields: RunState) {
    this.signals = fields.signals
    this.overwrite = fields.overwrite
    this.retry = fields.retry
    this.expectedContentTypes = fields.expectedContentTypes
    this.logger = fields.logger
    this.dirs = fields.dirs
    this.progress = fields.progress
  }
}
