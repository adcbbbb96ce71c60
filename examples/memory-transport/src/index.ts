export { formatMemUrl, type MemLocation, parseMemUrl } from './mem-url.ts'
export {
  type MemoryBody,
  type MemoryObjectInit,
  type MemoryTransport,
  memoryTransport,
} from './memory-transport.ts'
