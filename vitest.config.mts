import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // tests/durability: SIGKILL trials against a real writer process (issue 7).
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/durability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Chromium-based print tests and scrypt are CPU-heavy; two cores here.
    maxWorkers: 2,
  },
});
