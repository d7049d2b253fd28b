import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files one page kind loads: its script (type=module), the chunks it imports, its styles. */
export interface EntryAssets {
  script?: string;
  /** Shared chunks the script imports (preloaded, so they do not wait for the script to be parsed). */
  preload: string[];
  styles: string[];
}

/** The built browser bundle (Vite's manifest): the public pages' entry and the workspaces' own chunk. */
export interface WebAssets {
  entries: Record<'main' | 'workspace', EntryAssets>;
  /** Changes with the build: part of the pages' ETag. */
  buildId: string;
  /** Directory served at /assets/ (absent when not built). */
  assetsDir?: string;
}

interface ManifestChunk {
  file: string;
  name?: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

const NONE: EntryAssets = { preload: [], styles: [] };

export function loadWebAssets(webDir: string): WebAssets {
  const manifestFile = join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return { entries: { main: NONE, workspace: NONE }, buildId: 'none' };
  const text = readFileSync(manifestFile, 'utf8');
  const manifest = JSON.parse(text) as Record<string, ManifestChunk>;
  const entry = (name: string): EntryAssets => {
    const chunk = Object.values(manifest).find((c) => c.isEntry && c.name === name);
    if (!chunk) return NONE;
    // Styles of the entry and of the chunks it imports (the shared page styles).
    const imported = (chunk.imports ?? []).map((key) => manifest[key]).filter((c): c is ManifestChunk => c !== undefined);
    return {
      script: `/${chunk.file}`,
      preload: imported.map((c) => `/${c.file}`),
      styles: [...new Set([...imported.flatMap((c) => c.css ?? []), ...(chunk.css ?? [])])].map((f) => `/${f}`),
    };
  };
  return {
    entries: { main: entry('main'), workspace: entry('workspace') },
    buildId: createHash('sha256').update(text).digest('hex').slice(0, 12),
    assetsDir: join(webDir, 'assets'),
  };
}
