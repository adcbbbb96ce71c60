export { createHttpTransport, type HttpHooks, type HttpTransportOptions } from './http-transport.ts'
export { joinUrl } from './join-url.ts'
export { withQuery } from './query.ts'
export { VERSION } from './version.ts'
