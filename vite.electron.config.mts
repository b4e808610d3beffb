import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * Builds the Electron bundles, one per mode:
 *   vite build -c vite.electron.config.mts --mode main     → dist/main/index.cjs
 *   vite build -c vite.electron.config.mts --mode preload  → dist/preload/index.cjs
 *   vite build -c vite.electron.config.mts --mode worker   → dist/worker/index.cjs (the backup worker thread)
 *
 * Each is a single CommonJS file. The preload must be: a sandboxed preload may only
 * `require('electron')` (checklist #4). The main bundle carries its ESM-only dependencies
 * (electron-store, conf) and zod inside it, so no ESM/CJS boundary exists at run time.
 * The SQLite driver (better-sqlite3-multiple-ciphers) stays outside: it is a native addon, unpacked from the asar and rebuilt
 * for Electron's ABI (electron-builder.yml, electron/build/ensureNative.mjs).
 */
const ENTRIES = {
  main: { entry: 'electron/main/index.ts', external: ['electron', 'better-sqlite3-multiple-ciphers'] },
  // Started by main with new Worker (electron/main/safetyGlue.ts); it never needs electron.
  worker: { entry: 'electron/core/safety/backupWorker.ts', external: ['better-sqlite3-multiple-ciphers'] },
  // Node built-ins are listed for main only: if the preload ever imports one, the build
  // bundles or fails on it instead of emitting a require() the sandbox would refuse.
  preload: { entry: 'electron/preload/index.ts', external: ['electron'] },
} as const;

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload' && mode !== 'worker') {
    throw new Error(`vite.electron.config.mts: use --mode main, preload or worker (got "${mode}")`);
  }
  const { entry, external } = ENTRIES[mode];
  const externals = mode === 'preload' ? [...external] : [...external, ...NODE_BUILTINS];
  return {
    // Nothing from the renderer's public/ folder belongs in these bundles.
    publicDir: false,
    // Node-style resolution (the "node" export conditions), not the browser build of packages.
    ssr: { noExternal: true, external: [...external], target: 'node' },
    build: {
      ssr: entry,
      outDir: `dist/${mode}`,
      emptyOutDir: true,
      // Electron 45 runs Node 22+ in main; node20 keeps the output readable by older tooling too.
      target: 'node20',
      minify: false,
      sourcemap: true,
      // A single file each: no chunks for the sandboxed preload to fail to require.
      rolldownOptions: {
        external: externals,
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
  };
});
