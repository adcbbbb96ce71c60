export { type HapiApi, type HapiOptions, hapi } from './hapi.ts'
export type { HapiInfo } from './schemas.ts'
