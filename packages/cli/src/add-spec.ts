import type { ArgSpec, CommandSpec, OptionSpec } from '@heliokit/core/commands'
import { type Command, Option } from 'commander'
import { flagName } from './flag-name.ts'

/** Called when a spec's command is chosen, with commander's parsed command. */
export type SpecRunner<Api> = (spec: CommandSpec<Api>, command: Command) => Promise<void>

/** Maps a framework-free command spec (and its subcommands) onto commander. */
export function addSpec<Api>(parent: Command, spec: CommandSpec<Api>, run: SpecRunner<Api>): Command {
  const command = parent.command(spec.name).description(spec.summary)
  for (const arg of spec.args ?? []) command.argument(argText(arg), arg.summary)
  for (const option of spec.options ?? []) command.addOption(toOption(option))
  for (const sub of spec.commands ?? []) addSpec(command, sub, run)
  if (spec.run) command.action((...received: unknown[]) => run(spec, received.at(-1) as Command))
  return command
}

export function toOption(spec: OptionSpec): Option {
  const long = `--${flagName(spec.name)}`
  const value = spec.type === 'boolean' ? '' : ` <${spec.placeholder ?? spec.type ?? 'value'}>`
  const flags = `${spec.short ? `-${spec.short}, ` : ''}${long}${value}`
  const option = new Option(flags, spec.summary)
  if (spec.default !== undefined) option.default(spec.default)
  if (spec.choices) option.choices(spec.choices)
  if (spec.required) option.makeOptionMandatory()
  return option
}

function argText(arg: ArgSpec): string {
  const name = `${flagName(arg.name)}${arg.variadic ? '...' : ''}`
  return arg.required === false ? `[${name}]` : `<${name}>`
}
