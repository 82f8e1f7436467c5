import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';
const { version } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
);
/** Recorded on the SPA's log entries: `APP_RELEASE` at build time, else the package version. */
const release = process.env.APP_RELEASE || version;

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  define: { __APP_RELEASE__: JSON.stringify(release) },
  resolve: {
    alias: {
      '@ledgerlens/browser-logger': fileURLToPath(
        new URL('../../libs/browser-logger/src/index.ts', import.meta.url),
      ),
      '@ledgerlens/contracts': fileURLToPath(
        new URL('../../libs/contracts/src/index.ts', import.meta.url),
      ),
      '@ledgerlens/redaction': fileURLToPath(
        new URL('../../libs/redaction/src/index.ts', import.meta.url),
      ),
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      // The realtime socket: its polling requests and the WebSocket upgrade.
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    // Kept in the build for an exception tracker; the API serves them only with WEB_SOURCE_MAPS.
    sourcemap: true,
    // .vite/manifest.json maps each source module to its chunk, CSS and static imports: the
    // bundle-size bench (bench/web-bundle.ts) reads it to tell what each route downloads.
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // A feature's entry point (features/<name>/index.ts, ADR 0019) only re-exports: free of
        // side effects, so importing one of its exports leaves the feature's other parts (and
        // their styles) out of the importer's chunk. Otherwise the sign-in bundle would take the
        // dashboard's budget cards, and the admin overview the performance charts.
        moduleSideEffects: [{ test: /\/src\/features\/[^/]+\/index\.ts$/, sideEffects: false }],
      },
    },
  },
});
