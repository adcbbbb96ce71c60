import type * as ClientS3 from '@aws-sdk/client-s3'
import { UnavailableError } from '@heliokit/core'

export type S3Sdk = typeof ClientS3

let loading: Promise<S3Sdk> | undefined

/** The AWS SDK, imported on first use (it is large) and shared by every transport. */
export function loadS3Sdk(): Promise<S3Sdk> {
  loading ??= import('@aws-sdk/client-s3').catch((cause: unknown) => {
    loading = undefined
    throw new UnavailableError('@aws-sdk/client-s3 could not be loaded', { cause })
  })
  return loading
}
