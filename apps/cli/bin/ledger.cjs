#!/usr/bin/env node
// `npm run ledger -- <command>`: runs the compiled CLI, compiling it first only when a source file
// (apps/cli, the shipped libs, the tsconfigs) is newer than the last build. A command then starts
// in well under a second instead of rebuilding the whole project on every call.
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..', '..');
const entry = join(root, 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
const stamp = join(root, 'dist', 'apps', 'cli', '.built');
// `npm run build` compiles the CLI too and leaves its build info: that counts as a build.
const buildInfo = join(root, 'dist', 'apps', 'cli.tsbuildinfo');

const builtAt = () => Math.max(...[stamp, buildInfo].filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs), 0);

function newestIn(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function sourcesNewest() {
  const libs = readdirSync(join(root, 'libs')).filter((name) => name !== 'testing');
  return Math.max(
    newestIn(join(root, 'apps', 'cli', 'src')),
    ...libs.map((name) => newestIn(join(root, 'libs', name, 'src'))),
    statSync(join(root, 'tsconfig.json')).mtimeMs,
    statSync(join(root, 'apps', 'cli', 'tsconfig.app.json')).mtimeMs,
  );
}

if (!existsSync(entry) || sourcesNewest() > builtAt()) {
  process.stderr.write('ledger: compiling the command line (only after a source change)…\n');
  const nest = join(root, 'node_modules', '.bin', 'nest');
  const built = spawnSync(nest, ['build', 'cli'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}
require(entry);
