export {
  AURORAX_TEST_KEYS,
  type AuroraxAccount,
  type AuroraxRole,
} from './aurorax/accounts.ts'
export {
  type AuroraxEmulator,
  type AuroraxEmulatorOptions,
  startAuroraxEmulator,
} from './aurorax/emulator.ts'
export { SEED_EPHEMERIS_START, SEED_PRODUCT_START } from './aurorax/seed.ts'
export type { AuroraxStore } from './aurorax/store.ts'
export { deterministicBytes, sha256Hex } from './deterministic-bytes.ts'
export { type Fault, type FaultPlan, failTimes, mulberry32, onlyFor, randomFaults } from './faults.ts'
export { type FileServerOptions, fileHandler, startFileServer } from './file-server.ts'
export { forwardTo } from './forward-to.ts'
export {
  type RecordedRequest,
  type RequestHandler,
  sendJson,
  startHttpServer,
  type TestHttpServer,
} from './http-server.ts'
export { type S3Seed, type S3ServerOptions, startS3Server, type TestS3Server } from './s3-server.ts'
export { type IndexedFile, type IndexStyle, indexCsv } from './scregistry/index-csv.ts'
export {
  type ScregistryNetworkOptions,
  type ScregistryNetworkServer,
  startScregistryNetwork,
} from './scregistry/network-server.ts'
export {
  SCREGISTRY_REGISTRY_URL,
  type ScregistrySeed,
  type ScregistrySeededFile,
  scregistrySeed,
} from './scregistry/scregistry-seed.ts'
export { type ServeOptions, serveBytes } from './serve-bytes.ts'
export {
  startUcalgaryEmulator,
  type UcalgaryEmulator,
  type UcalgaryEmulatorOptions,
  type UcalgaryListingLimits,
} from './ucalgary/emulator.ts'
export { BUCKET as VO_BUCKET, type ChanmasterRow, TARGETS as VO_TARGETS } from './vo/chanmaster.ts'
export { startVoEmulator, type VoEmulator, type VoEmulatorOptions } from './vo/emulator.ts'
export { withCors } from './with-cors.ts'
