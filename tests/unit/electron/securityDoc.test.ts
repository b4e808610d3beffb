import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = process.cwd();
const doc = fs.readFileSync(path.join(ROOT, 'electron/main/SECURITY.md'), 'utf8');

/** The checklist table: rows "| n | item | code | test |". */
const rows = doc
  .split('\n')
  .map((line) => /^\| (\d+) \| (.+?) \| (.+) \| (.+) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map(([, n, item, code, test]) => ({ n: Number(n), item: item ?? '', code: code ?? '', test: test ?? '' }));

const filesIn = (text: string) => [...text.matchAll(/`((?:electron|tests|shared|renderer)\/[\w./-]+|[\w.-]+\.(?:yml|json|mts))`/g)].map((m) => m[1] as string);

describe('electron/main/SECURITY.md', () => {
  test('answers all 20 items of Electron\'s checklist, in order', () => {
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const r of rows) {
      // Each item names code (or says why it does not apply) and a test.
      expect({ n: r.n, code: filesIn(r.code).length > 0 }).toEqual({ n: r.n, code: true });
      expect({ n: r.n, test: filesIn(r.test).length > 0 }).toEqual({ n: r.n, test: true });
    }
  });

  test('every file it names exists, and every test it quotes is in the file it names', () => {
    for (const file of filesIn(doc)) expect({ file, exists: fs.existsSync(path.join(ROOT, file)) }).toEqual({ file, exists: true });
    for (const r of rows) {
      const [testFile] = filesIn(r.test);
      const title = /"(.+)"/.exec(r.test)?.[1];
      if (!testFile || !title) continue;
      const source = fs.readFileSync(path.join(ROOT, testFile), 'utf8');
      expect({ n: r.n, title, found: source.includes(title) }).toEqual({ n: r.n, title, found: true });
    }
  });
});

test('Electron is a supported major version', () => {
  // Checklist #16. Electron supports the latest three majors; 45 was current when this was written.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const major = Number(/(\d+)\./.exec(pkg.devDependencies.electron ?? '')?.[1]);
  expect(major).toBeGreaterThanOrEqual(45);
  // A caret range on a major pin: patch and minor security fixes arrive, a new major is a decision.
  expect(pkg.devDependencies.electron).toMatch(/^\^\d+\.\d+\.\d+$/);
});
