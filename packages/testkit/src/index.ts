export { withCors } from './cors.ts'
export { deterministicBytes, sha256Hex } from './deterministic-bytes.ts'
export { type Fault, type FaultPlan, failTimes, mulberry32, onlyFor, randomFaults } from './faults.ts'
export { type FileServerOptions, fileHandler, startFileServer } from './file-server.ts'
export {
  type RecordedRequest,
  type RequestHandler,
  sendJson,
  startHttpServer,
  type TestHttpServer,
} from './http-server.ts'
export { type S3Seed, type S3ServerOptions, startS3Server, type TestS3Server } from './s3-server.ts'
export { type ServeOptions, serveBytes } from './serve-bytes.ts'
export {
  startUcalgaryEmulator,
  type UcalgaryEmulator,
  type UcalgaryEmulatorOptions,
  type UcalgaryListingLimits,
} from './ucalgary/emulator.ts'
