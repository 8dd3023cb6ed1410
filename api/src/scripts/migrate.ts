import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { startEmbeddedDatabase } from '../database/embedded';
import { createLogger } from '../shared/logger';

/**
 * `npm run migration:run`: apply pending migrations as the owner (embedded database unless DATABASE_URL);
 * `revert` undoes the last; `draft` prints the SQL the entities need beyond the migrations.
 */
async function run(mode: string): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.dataDir, logger);
  // Migrations are the owner's work (DATABASE_MIGRATION_URL, default DATABASE_URL; embedded: klachten_owner).
  const dataSource = createDataSource(config.databaseMigrationUrl ?? embedded!.ownerUrl);
  try {
    await dataSource.initialize();
    if (mode === 'draft') {
      // What the entities need beyond the migrations: a draft to read, correct and commit by hand.
      await dataSource.runMigrations({ transaction: 'each' });
      const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
      process.stdout.write(upQueries.length ? '-- up\n' + upQueries.map((query) => `${query.query};\n`).join('') : 'the migrations match the entities\n');
      if (downQueries.length)
        process.stdout.write(
          '-- down\n' +
            downQueries
              .reverse()
              .map((query) => `${query.query};\n`)
              .join(''),
        );
    } else if (mode === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(applied.length ? applied.map((migration) => `applied ${migration.name}\n`).join('') : 'no pending migrations\n');
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

run(process.argv[2] ?? 'run').catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error: ' : 'Migration failed: '}${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
