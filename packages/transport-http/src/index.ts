export { createHttpTransport, type HttpHooks, type HttpTransportOptions } from './http-transport.ts'
export { joinUrl } from './join-url.ts'
export { VERSION } from './version.ts'
export { withQuery } from './with-query.ts'
