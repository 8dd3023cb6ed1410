// `npm start` builds only what changed since the last build: the API (swc, scripts/build-api.mjs: about a second)
// when a source under api/src or migrations is newer than its output, the admin (vite) when admin/src or the schema
// is. `npm ci` runs it for the admin alone (`--only=admin`, the root package's `prepare`), so that the first
// `npm start` after an install has nothing slow left to do.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(entries) {
  let latest = 0;
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) if (name !== 'node_modules' && name !== 'dist') visit(path.join(entry, name));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  entries.forEach((entry) => visit(path.join(root, entry)));
  return latest;
}

function builtAt(file) {
  const full = path.join(root, file);
  return fs.existsSync(full) ? fs.statSync(full).mtimeMs : 0;
}

const targets = [
  {
    name: 'API',
    script: 'build:api',
    output: 'api/dist/api/src/main.js',
    sources: ['api/src', 'migrations', 'scripts/build-api.mjs', 'package-lock.json'],
  },
  {
    name: 'admin',
    script: 'build:admin',
    output: 'admin/dist/index.html',
    sources: ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'schema/schema.graphql', 'package-lock.json'],
  },
];

const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);

for (const target of targets) {
  if (only && target.name !== only) continue;
  // an install before the sources are there (a container's dependency layer): nothing to build yet
  if (!fs.existsSync(path.join(root, target.sources[0]))) continue;
  if (builtAt(target.output) > newest(target.sources)) {
    process.stderr.write(`${target.name}: up to date\n`);
    continue;
  }
  process.stderr.write(`${target.name}: building\n`);
  execSync(`npm run --silent ${target.script}`, { cwd: root, stdio: 'inherit' });
  // a build that leaves an unchanged output untouched: mark it as done
  const output = path.join(root, target.output);
  const now = new Date();
  fs.utimesSync(output, now, now);
}
