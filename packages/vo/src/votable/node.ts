// `@heliokit/vo/votable/node`: the votable subpath plus what needs Node (files on disk).
export * from './index.ts'
export { type ReadVotableFileOptions, readVotableFile } from './read-votable-file.ts'
