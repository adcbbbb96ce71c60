export type {
  ArgSpec,
  CommandContext,
  CommandProgress,
  CommandResult,
  CommandSpec,
  DownloadSpec,
  OptionSpec,
  OptionType,
  OptionValue,
  Row,
} from './command-spec.ts'
export { defineProviderCli, type ProviderCli, type SettingSpec, type Settings } from './provider-cli.ts'
