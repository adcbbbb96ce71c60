// `#fast-xml-parser` outside Node (package.json "imports"): the library's ES modules.
export { XMLParser, XMLValidator } from 'fast-xml-parser'
