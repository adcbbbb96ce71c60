import { createHeliokit, ErrorCode } from '@heliokit/core'
import { createS3Transport } from '@heliokit/transport-s3'
import { describe, expect, test } from 'vitest'
import { scregistry } from '../src/index.ts'
import { collect } from './helpers/collect.ts'
import { failure } from './helpers/failure.ts'
import { useHarness } from './helpers/harness.ts'

const h = useHarness()

function signedClient(accessKeyId: string, secretAccessKey: string) {
  return createHeliokit({
    providers: [scregistry({ registryUrl: h.net.registryUrl })],
    transports: [
      createS3Transport({
        endpoint: h.proxy.url,
        region: 'us-west-2',
        credentials: { accessKeyId, secretAccessKey },
        requesterPays: true,
      }),
    ],
  })
}

describe('access', () => {
  test('anonymous by default: no Authorization header is sent', async () => {
    const before = h.proxy.requests.length
    await h.sc.catalog('helio-public')
    expect(h.proxy.requests.slice(before).map((r) => r.headers.authorization)).toEqual([undefined])
  })

  test('credentials, region and requester-pays are transport options the provider reads through', async () => {
    const hk = signedClient('S3RVER', 'not-a-real-secret-0123456789')
    try {
      const before = h.proxy.requests.length
      const files = await collect(
        hk.provider('scregistry').files({
          dataset: 'EVE_L2',
          bucket: 'gov-nasa-hdrl-data1',
          start: '2014-01-01',
          stop: '2015-01-01',
        }),
      )
      expect(files).toHaveLength(3)
      const sent = h.proxy.requests.slice(before)
      expect(
        sent.every(
          (r) =>
            String(r.headers.authorization).includes('Credential=S3RVER/') &&
            String(r.headers.authorization).includes('/us-west-2/s3/'),
        ),
      ).toBe(true)
      expect(sent.every((r) => r.headers['x-amz-request-payer'] === 'requester')).toBe(true)
    } finally {
      await hk.close()
    }
  })

  test('refused credentials are AUTH from scregistry, with no secret in the error', async () => {
    const hk = signedClient('AKIAWRONGKEY', 'super-secret-value-123')
    try {
      const error = await failure(hk.provider('scregistry').catalog('helio-public'))
      expect(error).toMatchObject({ code: ErrorCode.AUTH, provider: 'scregistry' })
      expect(JSON.stringify(error) + String(error)).not.toContain('super-secret-value-123')
    } finally {
      await hk.close()
    }
  })
})
