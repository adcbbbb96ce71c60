export type {
  Complex,
  VotableCoosys,
  VotableDatatype,
  VotableDocument,
  VotableEncoding,
  VotableField,
  VotableGroup,
  VotableInfo,
  VotableLimit,
  VotableLink,
  VotableOption,
  VotableParam,
  VotableRef,
  VotableResource,
  VotableRow,
  VotableTable,
  VotableTimesys,
  VotableValue,
  VotableValues,
} from './votable/model.ts'
export { parseVotable, readVotable, type VotableSource } from './votable/parse-votable.ts'
export { VotableError, type VotableLocation } from './votable/votable-error.ts'
export {
  type VotableFieldInit,
  type VotableTableInit,
  type VotableWriteOptions,
  writeVotable,
} from './votable/write-votable.ts'
export { type QueryStatus, queryStatus, resultsResource } from './query-status.ts'
