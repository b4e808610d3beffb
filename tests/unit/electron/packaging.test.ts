import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { backupWorkerFile } from '../../../electron/main/safetyGlue';
import { addonFingerprint, isAbiMismatch, markerMatches, readMarker } from '../../../electron/build/ensureNative.mjs';

// No YAML parser is a direct dependency, so the checks read the lines themselves.
const yml = fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8');
const line = (re: RegExp) => expect(yml).toMatch(new RegExp(re.source, 'm'));

describe('electron-builder.yml', () => {
  test('identity', () => {
    line(/^appId: tw\.gov\.kcg\.dsacp\.desk$/);
    line(/^productName: 毒防服務台$/);
    line(/^directories:\n\s+output: release$/);
  });

  test('ships the app, its migrations and resources; unpacks the native addon', () => {
    for (const pattern of ['dist/**', 'electron/core/db/migrations/*.sql', 'resources/**', 'package.json']) {
      expect(yml).toContain(`  - ${pattern}\n`);
    }
    line(/^asarUnpack:\n\s+- node_modules\/better-sqlite3-multiple-ciphers\/\*\*$/);
    line(/^npmRebuild: true$/);
  });

  test('the build makes the backup worker main starts, inside what is shipped', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build:electron']).toContain('vite build -c vite.electron.config.mts --mode worker');
    const shipped = path.relative(path.resolve('.'), backupWorkerFile(path.resolve('.'))).split(path.sep).join('/');
    expect(shipped).toBe('dist/worker/index.cjs');
  });

  test('Windows installer and Linux AppImage', () => {
    line(/^\s+- target: nsis$/);
    line(/^nsis:\n(\s+.*\n)*?\s+oneClick: false$/);
    line(/^\s+perMachine: true$/);
    line(/^\s+allowToChangeInstallationDirectory: true$/);
    line(/^\s+- AppImage$/);
    line(/^\s+category: Office$/);
    expect(fs.existsSync(path.resolve('resources/icons/icon.png'))).toBe(true);
  });

  test('fuses close what an installed app never needs', () => {
    const fuses = /^electronFuses:\n((?:\s+\w+: (?:true|false)\n)+)/m.exec(yml)?.[1] ?? '';
    const values = Object.fromEntries(fuses.trim().split('\n').map((l) => l.trim().split(': ')));
    expect(values).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
      loadBrowserProcessSpecificV8Snapshot: 'false',
    });
  });

  test('the icon is a 512×512 PNG', () => {
    const png = fs.readFileSync(path.resolve('resources/icons/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('ensureNative', () => {
  test.each([
    "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 140. This version of Node.js requires NODE_MODULE_VERSION 115.",
    'Error: /x/better_sqlite3.node: invalid ELF header',
    'Error: Could not locate the bindings file. Tried: …',
  ])('rebuilds on %s', (message) => expect(isAbiMismatch(message)).toBe(true));

  test('does not rebuild for unrelated failures', () => {
    expect(isAbiMismatch("Error: Cannot find module 'better-sqlite3'")).toBe(false);
  });

  test('the marker must name the same runtime and the same addon file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-native-'));
    const marker = path.join(dir, 'marker');
    const addon = path.join(dir, 'addon.node');
    fs.writeFileSync(addon, 'binary');
    const print = addonFingerprint(addon);
    fs.writeFileSync(marker, `electron-45.4.1\n${print}\n`);
    const read = readMarker(marker);
    expect(markerMatches(read, 'electron-45.4.1', print)).toBe(true);
    expect(markerMatches(read, 'electron-46.0.0', print)).toBe(false);
    // `npm install` replaced the addon since: rebuild.
    expect(markerMatches(read, 'electron-45.4.1', 'other')).toBe(false);
    expect(readMarker(path.join(dir, 'none'))).toBeNull();
    expect(addonFingerprint(path.join(dir, 'none'))).toBe('missing');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
