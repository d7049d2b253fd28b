import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium-headless-shell (`.ci/run` installs it); LEDGER_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.LEDGER_CHROMIUM ?? '/usr/lib/chromium/chromium-headless-shell';
const INSTALL = 'apt-get update -qq && apt-get install -y --no-install-recommends chromium-headless-shell';

/**
 * Whether the browser suites can run. With CI=true a missing browser fails the run; locally the
 * suites are skipped, saying so and how to install it.
 */
export function browserAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `${suite}: no browser at ${CHROMIUM}. Install it with: ${INSTALL} (or set LEDGER_CHROMIUM).`;
  if (process.env.CI === 'true') throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED — ${message}`);
  return false;
}

/** `describe` when the browser is there, `describe.skip` (with the reason printed) otherwise. */
export const describeInBrowser = (name: string, body: () => void): void => (browserAvailable(name) ? describe : describe.skip)(name, body);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // CI runs as root; the closed network refuses Chromium's own background connections.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Builds the web app (Vite) into a fresh directory for this suite: the pages' script and styles. */
export function buildWebApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ledger-web-'));
  const root = resolve(__dirname, '../..');
  const res = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'error'],
    {
      cwd: root,
      env: { ...process.env, LEDGER_WEB_OUT_DIR: outDir, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      encoding: 'utf8',
    },
  );
  if (res.status !== 0) throw new Error(`vite build failed: ${res.stderr || res.stdout}`);
  return outDir;
}

/** Where screenshots go (git-ignored), created on demand. */
export function artifactsDir(sub: string): string {
  const dir = resolve(__dirname, '../../test-artifacts', sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}
