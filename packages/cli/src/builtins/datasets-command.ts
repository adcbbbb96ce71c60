import type { CommandSpec, Row } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'

export const datasetsCommand: CommandSpec<CliRun> = {
  name: 'datasets',
  summary: 'datasets across every provider (a failing provider is reported, the others still listed)',
  options: [
    { name: 'provider', summary: 'only these providers (comma-separated ids)', type: 'list' },
    { name: 'search', summary: 'words the dataset name or title should contain' },
  ],
  run: async ({ api, options, signal }) => {
    const session = await api.session()
    const providers = options.provider as string[] | undefined
    for (const id of providers ?? []) {
      const problem = session.unavailable.get(id)
      if (problem) throw problem
    }
    const outcomes = session.heliokit.datasets(
      { text: options.search as string | undefined },
      { providers, signal },
    )
    async function* rows(): AsyncGenerator<Row> {
      for await (const outcome of outcomes) {
        if (!outcome.ok) {
          await api.report(outcome.error)
          continue
        }
        const { provider, id, title, timeSpan, doi, description, citation, links } = outcome.value
        yield {
          provider,
          id,
          title,
          start: timeSpan?.start,
          end: timeSpan?.end,
          doi,
          description,
          citation,
          links,
        }
      }
    }
    return { kind: 'rows', columns: ['provider', 'id', 'title', 'start', 'end'], rows: rows() }
  },
}
