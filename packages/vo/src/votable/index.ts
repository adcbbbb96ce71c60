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
} from './model.ts'
export { parseVotable, readVotable, type VotableSource } from './parse-votable.ts'
export { VotableError, type VotableLocation } from './votable-error.ts'
export {
  type VotableFieldInit,
  type VotableTableInit,
  type VotableWriteOptions,
  writeVotable,
} from './write-votable.ts'
