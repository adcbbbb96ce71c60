/** This package's version, kept equal to package.json's by a test; used in the default user agent. */
export const VERSION: string = '0.1.0'
