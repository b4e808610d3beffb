import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from '../../../shared/i18n';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const bundles = (lang: 'zh-TW' | 'en', ns: string) => flatten((resources[lang] as unknown as Record<string, Tree>)[ns] ?? {});
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const ns of NAMESPACES) {
    it(`namespace "${ns}" has the same keys in zh-TW and en`, () => {
      const zh = baseKeys(bundles('zh-TW', ns));
      const en = baseKeys(bundles('en', ns));
      expect([...zh].filter((k) => !en.has(k)), 'only in zh-TW').toEqual([]);
      expect([...en].filter((k) => !zh.has(k)), 'only in en').toEqual([]);
    });

    it(`namespace "${ns}" uses the same {{placeholders}} in both languages`, () => {
      const zh = bundles('zh-TW', ns);
      const en = bundles('en', ns);
      const mismatched: string[] = [];
      for (const [key, text] of zh) {
        const other = en.get(key) ?? en.get(`${key.replace(PLURAL, '')}_other`);
        if (other !== undefined && placeholders(text).join() !== placeholders(other).join()) mismatched.push(key);
      }
      expect(mismatched).toEqual([]);
    });

    it(`namespace "${ns}" has no empty texts`, () => {
      for (const lang of ['zh-TW', 'en'] as const) {
        const empty = [...bundles(lang, ns)].filter(([, v]) => v.trim() === '').map(([k]) => `${lang}:${k}`);
        expect(empty).toEqual([]);
      }
    });
  }

  it('zh-TW has no plural suffixes (Chinese has only one form)', () => {
    for (const ns of NAMESPACES) {
      expect([...bundles('zh-TW', ns).keys()].filter((k) => /_(one|zero|two|few|many)$/.test(k))).toEqual([]);
    }
  });
});

// Every literal key the code uses must exist (in some namespace, or in the one it names).
const ROOT = path.resolve(__dirname, '../../..');
const SOURCES = ['renderer/src', 'electron/core', 'electron/main', 'shared'];

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

const KEY_PATTERNS = [
  /\bt\(\s*'([^'$`]+)'/g,
  /\bt\(\s*"([^"$`]+)"/g,
  /messageKey:\s*'([^']+)'/g,
  /labelKey:\s*'([^']+)'/g,
  /\b(?:appError|fieldError)\([^,()]+,\s*'([^']+)'/g,
  /'(validation\.[A-Za-z]+)'/g,
];

function exists(key: string): boolean {
  const [ns, k] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [null, key];
  const spaces = ns ? [ns] : NAMESPACES;
  return spaces.some((space) => {
    const keys = baseKeys(bundles('zh-TW', space));
    return keys.has(k) || keys.has(k.replace(PLURAL, ''));
  });
}

describe('keys used in code', () => {
  it('exist in the translation files', () => {
    const missing: string[] = [];
    for (const file of SOURCES.flatMap(sourceFiles)) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const re of KEY_PATTERNS) {
        for (const m of text.matchAll(re)) {
          const key = m[1] as string;
          // Not keys: file names, CSS, URLs and the like.
          if (!/^[a-z][A-Za-z0-9]*([.:][A-Za-z0-9_]+)+$/.test(key) || /\.(json|ts|tsx|css|sql|pdf|png)$/.test(key)) continue;
          if (!exists(key)) missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('detects a missing key (the check itself works)', () => {
    expect(exists('validation.required')).toBe(true);
    expect(exists('validation.noSuchKeyAnywhere')).toBe(false);
  });
});
