import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built browser bundle (Vite's manifest): which hashed files a page links to. */
export interface WebAssets {
  /** Script of the pages (type=module), or undefined when the web app is not built. */
  script?: string;
  styles: string[];
  /** Changes with the build: part of the pages' ETag. */
  buildId: string;
  /** Directory served at /assets/ (absent when not built). */
  assetsDir?: string;
}

interface ManifestChunk {
  file: string;
  css?: string[];
  isEntry?: boolean;
}

export function loadWebAssets(webDir: string): WebAssets {
  const manifestFile = join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return { styles: [], buildId: 'none' };
  const text = readFileSync(manifestFile, 'utf8');
  const manifest = JSON.parse(text) as Record<string, ManifestChunk>;
  const entry = Object.values(manifest).find((c) => c.isEntry);
  return {
    script: entry && `/${entry.file}`,
    styles: (entry?.css ?? []).map((f) => `/${f}`),
    buildId: createHash('sha256').update(text).digest('hex').slice(0, 12),
    assetsDir: join(webDir, 'assets'),
  };
}
