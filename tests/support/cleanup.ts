import fs from 'node:fs';
import { afterEach } from 'vitest';
import { makeCore, makeTempDir, type MakeCoreOptions, type TestCore } from './core';

/** Cores and temporary folders a test file makes, closed and removed after every test. */
export function cleanedUp(): { core(opts?: MakeCoreOptions): TestCore; tempDir(prefix?: string): string } {
  const cores: TestCore[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const c of cores.splice(0)) c.cleanup();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    core(opts) {
      const t = makeCore(opts);
      cores.push(t);
      return t;
    },
    tempDir(prefix) {
      const d = makeTempDir(prefix);
      dirs.push(d);
      return d;
    },
  };
}
