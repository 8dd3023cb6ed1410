// `npm start` builds only what changed since the last build: the API (tsc) when a source under
// api/src or migrations is newer than its output, the admin (vite) when admin/src or the schema is.
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
    sources: ['api/src', 'migrations', 'api/tsconfig.build.json', 'tsconfig.json', 'package-lock.json'],
  },
  {
    name: 'admin',
    script: 'build:admin',
    output: 'admin/dist/index.html',
    sources: ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'schema/schema.graphql', 'package-lock.json'],
  },
];

for (const target of targets) {
  if (builtAt(target.output) > newest(target.sources)) {
    process.stderr.write(`${target.name}: up to date\n`);
    continue;
  }
  process.stderr.write(`${target.name}: building\n`);
  execSync(`npm run --silent ${target.script}`, { cwd: root, stdio: 'inherit' });
  // tsc leaves an unchanged main.js untouched: mark the build as done.
  const output = path.join(root, target.output);
  const now = new Date();
  fs.utimesSync(output, now, now);
}
