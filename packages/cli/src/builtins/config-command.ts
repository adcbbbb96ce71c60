import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'

export const configCommand: CommandSpec<CliRun> = {
  name: 'config',
  summary:
    'the settings in effect and where each comes from (env > ./heliokit.config.json > ~/.config); secrets shown as ***',
  run: async ({ api }) => {
    const session = await api.session()
    return {
      kind: 'rows',
      columns: ['provider', 'name', 'value', 'from'],
      rows: session.settings.map((s) => ({
        provider: s.provider,
        name: s.name,
        value: s.value !== undefined && s.secret ? '***' : s.value,
        from: s.from,
      })),
    }
  },
}
