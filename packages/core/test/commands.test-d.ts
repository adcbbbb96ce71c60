import { expectTypeOf, test } from 'vitest'
import { type CommandResult, defineProviderCli } from '../src/commands/index.ts'
import { defineProvider } from '../src/index.ts'

test('defineProviderCli types ctx.api from the provider that create returns', () => {
  const cli = defineProviderCli({
    id: 'greeter',
    summary: 'says hello',
    create: () =>
      defineProvider({ id: 'greeter', title: 'Greeter', connect: () => ({ hello: (n: number) => `${n}` }) }),
    commands: [
      {
        name: 'hello',
        summary: 'one greeting',
        run: (ctx): CommandResult => {
          expectTypeOf(ctx.api.hello).toEqualTypeOf<(n: number) => string>()
          return { kind: 'record', record: { text: ctx.api.hello(1) } }
        },
      },
    ],
  })
  expectTypeOf(cli.create).returns.toHaveProperty('connect')
})
