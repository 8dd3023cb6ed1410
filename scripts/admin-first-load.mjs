// What the admin's first render costs over the wire: reads admin/dist/index.html (run `npm run build:admin` first),
// follows the entry script, its modulepreloads and stylesheets, and every chunk's static imports, and prints each
// file's gzip size. "Mijn werk" adds the chunks that route loads lazily (by chunk name, see MIJN_WERK) with their
// own static imports. A measuring aid, not a test: `node scripts/admin-first-load.mjs` (ADMIN_DIST=<dir> for another
// build's output). Sizes in kB of 1000 bytes, gzip at its default level, file by file, as a server would send them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = process.env.ADMIN_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin/dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');

/** The lazy chunks Mijn werk needs besides the first load: the panel (App, behind the login page), and the page should it be one. */
const MIJN_WERK = ['App', 'MyWorkPage'];

const fileOf = (href) => path.join(dist, href.replace(/^\/admin\//, ''));
const gzipKb = (file) => gzipSync(fs.readFileSync(file)).length / 1000;

/** The `import … from "./x.js"` / `import "./x.js"` statements a chunk starts with (after Vite's `__vite__mapDeps`). */
const staticImports = (file) => {
  let code = fs.readFileSync(file, 'utf8').replace(/^const __vite__mapDeps=[^\n]*\n/, '');
  const found = [];
  const statement = /^\s*import\s*(?:[^'"`;()]*?from\s*)?["'](\.\/[^"']+)["'];?/;
  for (let match = statement.exec(code); match; match = statement.exec(code)) {
    found.push(path.join(path.dirname(file), match[1]));
    code = code.slice(match[0].length);
  }
  return found;
};

const closure = (roots, seen = new Set()) => {
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) staticImports(file).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
};

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
const roots = tags
  .filter((tag) => (tag.startsWith('<script') && attr(tag, 'type') === 'module') || ['modulepreload', 'stylesheet'].includes(attr(tag, 'rel')))
  .map((tag) => attr(tag, 'src') ?? attr(tag, 'href'))
  .filter((href) => href?.startsWith('/admin/'))
  .map(fileOf);

const chunkName = (file) => path.basename(file).replace(/-[\w-]{8}\.(js|css)$/, '');
const lazy = fs
  .readdirSync(path.join(dist, 'assets'))
  .map((name) => path.join(dist, 'assets', name))
  .filter((file) => MIJN_WERK.includes(chunkName(file)));

const report = (title, files) => {
  const rows = [...files].map((file) => ({ name: path.basename(file), kb: gzipKb(file) })).sort((a, b) => b.kb - a.kb);
  const total = rows.reduce((sum, { kb }) => sum + kb, 0);
  console.log(`${title}: ${total.toFixed(1)} kB gzip in ${rows.length} files`);
  rows.forEach(({ name, kb }) => console.log(`  ${kb.toFixed(1).padStart(7)} kB  ${name}`));
};

const login = closure(roots);
report('Login page', login);
report('Mijn werk', closure(lazy, new Set(login)));
