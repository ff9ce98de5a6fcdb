import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/config';
import { createOrm, migrate } from '../db/orm';
import { Workspace } from '../db/entities';
import { createApiKey } from '../auth/api-key.service';

function config(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message}\nCairn did not start. Fix the variables above and try again.\n`,
      );
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** The `cairn` command: serve (default), worker, migrate, workspace:create, schema:write. */
export async function runCli(argv: string[]): Promise<void> {
  const program = new Command('cairn').description('Cairn: customer journeys and segmentation');
  program
    .command('serve', { isDefault: true })
    .description(
      'migrate, seed the demo workspace when the database is empty, and serve the API and app',
    )
    .action(async () => (await import('./serve')).serve(config()));
  program
    .command('worker')
    .description(
      'run the journey workers (schedules, entries, timers, outbox) and segment re-checks without the API',
    )
    .action(async () => (await import('./work')).work(config()));
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const orm = await createOrm(config().database);
      const applied = await migrate(orm);
      await orm.close(true);
      process.stdout.write(
        applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n',
      );
    });
  program
    .command('workspace:create')
    .description('create a workspace and print its first API keys, admin and write (shown once)')
    .requiredOption('--name <name>', 'workspace name')
    .action(async (opts: { name: string }) => {
      const orm = await createOrm(config().database);
      await migrate(orm);
      const em = orm.em.fork();
      const workspace = em.create(Workspace, { name: opts.name });
      const admin = createApiKey(em, workspace, 'First admin key');
      const write = createApiKey(em, workspace, 'First write key', 'write');
      await em.flush();
      await orm.close(true);
      process.stdout.write(
        `workspace ${workspace.id}\n` +
          `admin key ${admin.secret}\n` +
          `write key ${write.secret}  (only sends events: POST /v1/events)\n` +
          '(store the keys now: they cannot be shown again)\n',
      );
    });
  program
    .command('schema:write')
    .description('write the GraphQL SDL to schema/schema.graphql')
    .action(async () => {
      const { writeCairnSchema } = await import('../graphql/schema');
      process.stdout.write(`wrote ${await writeCairnSchema()}\n`);
    });
  await program.parseAsync(argv);
}
