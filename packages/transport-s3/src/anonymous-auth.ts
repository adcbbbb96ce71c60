import type { S3ClientConfig } from '@aws-sdk/client-s3'

/**
 * Auth schemes that resolve an empty identity and leave requests unsigned, for public buckets.
 * The SDK has no anonymous switch (aws/aws-sdk-js-v3#2321); the `signer: { sign: (r) => r }` workaround
 * from that thread no longer works because credentials are resolved before the signer runs, so the
 * identity provider is replaced too. Both S3 schemes are covered: endpoint rules may pick either.
 */
export function anonymousAuthSchemes(): NonNullable<S3ClientConfig['httpAuthSchemes']> {
  const signer = { sign: async <R>(request: R): Promise<R> => request }
  return ['aws.auth#sigv4', 'aws.auth#sigv4a'].map((schemeId) => ({
    schemeId,
    identityProvider: () => async () => ({}),
    signer,
  }))
}
