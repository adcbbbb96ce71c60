import { providerConformance } from '@heliokit/core/testing'
import { test } from 'vitest'
import { scregistry } from '../src/index.ts'
import { useHarness } from './helpers/harness.ts'

const h = useHarness()

providerConformance(test, {
  create: () => scregistry({ registryUrl: h.net.registryUrl }),
  // Nothing answers on port 9: the registry, and so every bucket lookup, fails.
  createFailing: () => scregistry({ registryUrl: 'http://127.0.0.1:9/catalog/HelioDataRegistry.json' }),
  transports: () => h.hk.context.transports,
  requestCount: () => h.proxy.requests.length,
  fixtures: {
    datasetQuery: { text: 'ace' },
    invalidDatasetQuery: { text: '   ' },
    fileQuery: { dataset: 'AIA_0094', start: '2010-01-01', end: '2013-01-01' },
    invalidFileQuery: {
      dataset: 'AIA_0094',
      bucket: 'gov-nasa-hdrl-data1',
      start: '2012-01-01',
      end: '2011-01-01',
    },
  },
})
