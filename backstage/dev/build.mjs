// Bundles the development app (dev/index.tsx) for a browser with esbuild: a few seconds, where Backstage's own CLI
// would bring a whole toolchain. Output: dist/dev/app.js (and its chunks), served by e2e/server.mjs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEV_DIST = join(root, 'dist', 'dev');

export async function buildDevApp() {
  rmSync(DEV_DIST, { recursive: true, force: true });
  await build({
    entryPoints: { app: join(root, 'dev', 'index.tsx') },
    outdir: DEV_DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    // Some dependencies read process.env beyond what `define` replaces.
    banner: { js: 'globalThis.process ??= { env: {} };' },
    define: {
      'process.env.NODE_ENV': '"production"',
      // The app's configuration comes from the page (a backstage.io/config script), not from the build.
      'process.env.APP_CONFIG': 'undefined',
      global: 'window',
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDevApp();
  console.log(`Built the development app into ${DEV_DIST}`);
}
