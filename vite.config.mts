import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Renderer build. `base: './'` keeps asset URLs relative, which works both from the app://
// protocol in Electron and from the static server of the end-to-end tests.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    chunkSizeWarningLimit: 2000,
  },
});
