import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../config';
import { printedSchema } from '../schema';

/**
 * `schema.js write`: emit schema/schema.graphql from the code.
 * `schema.js check`: exit 1 when the committed file differs from what the code emits.
 */
async function run(mode: string): Promise<void> {
  const file = path.join(repositoryRoot(), 'schema', 'schema.graphql');
  const emitted = await printedSchema();
  if (mode === 'write') {
    fs.writeFileSync(file, emitted);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    return;
  }
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed === emitted) {
    process.stdout.write('schema/schema.graphql is up to date\n');
    return;
  }
  const committedLines = committed.split('\n');
  const emittedLines = emitted.split('\n');
  const first = emittedLines.findIndex((line, index) => line !== committedLines[index]);
  process.stderr.write(
    `schema/schema.graphql is stale: it differs from the code from line ${first + 1} on\n` +
      `  committed: ${committedLines[first] ?? '(end of file)'}\n  emitted:   ${emittedLines[first] ?? '(end of file)'}\n` +
      'Run `npm run schema:write` and commit the result.\n',
  );
  process.exit(1);
}

void run(process.argv[2] ?? 'check');
