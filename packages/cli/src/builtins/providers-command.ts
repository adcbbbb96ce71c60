import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'

export const providersCommand: CommandSpec<CliRun> = {
  name: 'providers',
  summary: 'providers available (first-party and plugins), their capabilities and commands',
  run: async ({ api }) => {
    const session = await api.session()
    const summaries = new Map(session.heliokit.providers().map((p) => [p.id, p]))
    return {
      kind: 'rows',
      columns: ['id', 'title', 'capabilities', 'commands', 'status'],
      rows: session.clis.map((cli) => {
        const problem = session.unavailable.get(cli.id)
        return {
          id: cli.id,
          title: summaries.get(cli.id)?.title ?? cli.summary,
          capabilities: summaries.get(cli.id)?.capabilities ?? [],
          commands: cli.commands.map((c) => c.name),
          status: problem ? `unavailable: ${(problem as Error).message}` : 'ready',
        }
      }),
    }
  },
}
