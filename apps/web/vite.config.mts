import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

/**
 * The browser bundle of the public pages and of the workspaces. The API server renders the HTML (same components) and
 * serves this build: hashed names under /assets/ (cached for a year), the manifest tells it which.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  resolve: {
    alias: {
      '@ledger/domain': lib('ledger'),
      '@ledger/i18n': lib('i18n'),
      '@ledger/charts': lib('charts'),
      '@ledger/web-ui': lib('web-ui'),
      '@ledger/csv': lib('csv'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env.LEDGER_WEB_OUT_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    sourcemap: true,
    // Two entries: the public pages, and the workspaces in their own chunk (the overview stays small).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('src/main.tsx', import.meta.url)),
        workspace: fileURLToPath(new URL('src/workspace/main.tsx', import.meta.url)),
      },
      // The libs have no side effects: what an entry imports but does not use (the workspace modules
      // re-exported by @ledger/web-ui and @ledger/i18n) is not followed, so the overview never downloads them.
      treeshake: { moduleSideEffects: (id: string) => !/\/libs\//.test(id) },
    },
  },
});
