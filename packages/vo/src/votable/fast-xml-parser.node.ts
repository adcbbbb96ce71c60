// `#fast-xml-parser` in Node (package.json "imports"): the library's one-file CommonJS build, which loads
// in about 5 ms where its ES modules (about 40 files) take about 50 ms, a twentieth of reading a 119 MB table.
/// <reference types="node" />
import { createRequire } from 'node:module'
import type * as Library from 'fast-xml-parser'

const library: typeof Library = createRequire(import.meta.url)('fast-xml-parser')

export const XMLParser: typeof Library.XMLParser = library.XMLParser
export const XMLValidator: typeof Library.XMLValidator = library.XMLValidator
