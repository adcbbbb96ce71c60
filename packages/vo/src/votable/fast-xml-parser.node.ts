// `#fast-xml-parser` in Node (package.json "imports"): the one-file CommonJS build, far quicker to load than the ES modules.
import { createRequire } from 'node:module'
import type * as Library from 'fast-xml-parser'

const library: typeof Library = createRequire(import.meta.url)('fast-xml-parser')

export const XMLParser: typeof Library.XMLParser = library.XMLParser
export const XMLValidator: typeof Library.XMLValidator = library.XMLValidator
