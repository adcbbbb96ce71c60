import { test } from 'vitest'
import { providerConformance } from '../src/testing/index.ts'
import { memoryBackend, memoryProvider } from './helpers/memory-provider.ts'

let backend = memoryBackend()

providerConformance(test, {
  create: () => {
    backend = memoryBackend()
    return memoryProvider(backend)
  },
  fixtures: {
    datasetQuery: {},
    fileQuery: { dataset: 'DEMO_RAW', start: '2022-01-01', end: '2022-01-01T05:00' },
    invalidFileQuery: { dataset: 'DEMO_RAW', start: '2022-01-02', end: '2022-01-01' },
  },
  requestCount: () => backend.requests,
  createFailing: () => {
    const failing = memoryBackend()
    failing.failing = true
    return memoryProvider(failing)
  },
  apiErrors: {
    'hours with a bad time': { expect: 'throws', run: (api) => api.hours('yesterday', '2022-01-01') },
    'hours with an invalid Date': { expect: 'throws', run: (api) => api.hours(new Date(Number.NaN), '2022') },
  },
  skip: [],
})
