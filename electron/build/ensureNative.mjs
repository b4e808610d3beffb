#!/usr/bin/env node
/**
 * Makes the SQLite driver's compiled addon (better-sqlite3-multiple-ciphers: better-sqlite3 with
 * encryption) match the runtime about to load it, so nobody ever rebuilds by hand. One
 * node_modules cannot hold both ABIs at once (better-sqlite3 #549, #1393: "compiled against a
 * different Node.js version using NODE_MODULE_VERSION …"), so:
 *
 *   node electron/build/ensureNative.mjs node      before tests (plain Node loads it)
 *   node electron/build/ensureNative.mjs electron  before `electron .` / packaging
 *
 * A marker in node_modules/.cache records which runtime the addon was last built for, with
 * the addon's size and mtime, so a later `npm install` that replaces the file is noticed.
 * Plain Node ESM, no dependencies: it must run before anything else is known to work.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MARKER = path.join(ROOT, 'node_modules', '.cache', 'desk-native-target');
export const DRIVER = 'better-sqlite3-multiple-ciphers';
const ADDON = path.join(ROOT, 'node_modules', DRIVER, 'build', 'Release', 'better_sqlite3.node');
const IS_WINDOWS = process.platform === 'win32';

/**
 * Errors that mean "built for another runtime or platform, or not built at all" (an
 * interrupted rebuild leaves no addon), which a rebuild fixes.
 */
export function isAbiMismatch(text) {
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application|wrong architecture|did not self-register|Could not locate the bindings file/i.test(
    text,
  );
}

/** Size and mtime of the addon: changes whenever anything rebuilds or reinstalls it. */
export function addonFingerprint(file = ADDON) {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return 'missing';
  }
}

export function readMarker(file = MARKER) {
  try {
    const [target = '', fingerprint = ''] = fs.readFileSync(file, 'utf8').split('\n');
    return { target: target.trim(), fingerprint: fingerprint.trim() };
  } catch {
    return null;
  }
}

export function markerMatches(marker, target, fingerprint) {
  return marker !== null && marker.target === target && marker.fingerprint === fingerprint;
}

function writeMarker(target) {
  fs.mkdirSync(path.dirname(MARKER), { recursive: true });
  fs.writeFileSync(MARKER, `${target}\n${addonFingerprint()}\n`);
}

/** Loads the addon in a child Node process (this one must never hold a stale copy). */
function probeNode() {
  const code = `const D = require('${DRIVER}'); new D(':memory:').close();`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stderr ?? ''}${r.stdout ?? ''}` };
}

/** Runs a command quietly; its output is shown only when it fails. */
function run(command, args, label) {
  // .cmd shims (npm, npx on Windows) can only be started through a shell since Node 20.12.
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', shell: IS_WINDOWS && !command.endsWith('.exe') });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`);
    throw new Error(`${label} failed (exit ${r.status ?? 'signal'})`);
  }
}

function npm(args) {
  // Inside an npm script npm tells us where it lives; use the same one.
  const cli = process.env.npm_execpath;
  if (cli && /\.(c|m)?js$/.test(cli)) return run(process.execPath, [cli, ...args], `npm ${args.join(' ')}`);
  return run(IS_WINDOWS ? 'npm.cmd' : 'npm', args, `npm ${args.join(' ')}`);
}

function electronVersion() {
  const pkg = path.join(ROOT, 'node_modules', 'electron', 'package.json');
  return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
}

function ensureNode() {
  const target = `node-${process.versions.modules}`;
  const first = probeNode();
  if (first.ok) {
    writeMarker(target);
    return `${DRIVER}: built for Node ${process.version} (ABI ${process.versions.modules}), nothing to do`;
  }
  if (!isAbiMismatch(first.output)) {
    process.stderr.write(first.output);
    throw new Error(`${DRIVER} does not load, and not because of an ABI mismatch`);
  }
  npm(['rebuild', DRIVER]);
  const second = probeNode();
  if (!second.ok) {
    process.stderr.write(second.output);
    throw new Error(`${DRIVER} still does not load after \`npm rebuild ${DRIVER}\``);
  }
  writeMarker(target);
  return `${DRIVER}: rebuilt for Node ${process.version} (ABI ${process.versions.modules})`;
}

function ensureElectron() {
  const version = electronVersion();
  const target = `electron-${version}`;
  if (markerMatches(readMarker(), target, addonFingerprint())) {
    return `${DRIVER}: built for Electron ${version}, nothing to do`;
  }
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  // install-app-deps rebuilds every native production dependency for Electron's ABI.
  if (fs.existsSync(cli)) run(process.execPath, [cli, 'install-app-deps'], 'electron-builder install-app-deps');
  else run(IS_WINDOWS ? 'npx.cmd' : 'npx', ['electron-builder', 'install-app-deps'], 'npx electron-builder install-app-deps');
  writeMarker(target);
  return `${DRIVER}: rebuilt for Electron ${version}`;
}

function main(argv) {
  const target = argv[2];
  if (target !== 'node' && target !== 'electron') {
    process.stderr.write('usage: node electron/build/ensureNative.mjs node|electron\n');
    return 2;
  }
  try {
    console.log(target === 'node' ? ensureNode() : ensureElectron());
    return 0;
  } catch (e) {
    console.error(`ensureNative: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv);
}
