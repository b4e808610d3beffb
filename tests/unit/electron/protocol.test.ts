import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const electron = vi.hoisted(() => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
vi.mock('electron', () => electron);

import {
  contentTypeFor,
  createPrintStore,
  handleAppProtocol,
  registerSchemePrivileged,
  resolveAppPath,
  respond,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

const ROOT = path.resolve('/srv/app/dist/renderer');

describe('resolveAppPath', () => {
  test.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/assets/x.js', 'assets/x.js'],
    ['app://desk/assets/index-Bz9.css?v=2#x', 'assets/index-Bz9.css'],
    ['app://desk/assets/%E5%AD%97.woff2', 'assets/字.woff2'],
    // client-side routes are the single-page app
    ['app://desk/hotline/new', 'index.html'],
  ])('%s → %s', (url, file) => {
    expect(resolveAppPath(url, ROOT)).toBe(path.join(ROOT, file));
  });

  test.each([
    'app://desk/../secret.txt',
    'app://desk/assets/../../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/%2E%2E/%2e%2e/etc/passwd.txt',
    'app://desk/.%2e/secret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/assets/..%5c..%5csecret.txt',
    'app://desk/..\\secret.txt',
    'app://desk//etc/passwd.txt',
    'app://desk/C:/Windows/win.ini',
    'app://desk/C%3A%5CWindows%5Cwin.ini',
    'app://desk/assets/x.js%00.png',
    'app://desk/%E0%A4%A.js',
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'app://user@desk/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, ROOT)).toBeNull();
  });
});

describe('respond', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-protocol-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>desk</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), 'secret');
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), { force: true });
  });

  const get = (url: string, method = 'GET', store = createPrintStore()) => respond({ url, method }, dir, store);

  test('serves the app with its CSP and a JavaScript type modules accept', async () => {
    const page = await get('app://desk/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>desk</title>');

    const script = await get('app://desk/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  test('missing files, traversal and writes get no content', async () => {
    expect((await get('app://desk/assets/none.js')).status).toBe(404);
    expect((await get(`app://desk/%2e%2e/${path.basename(dir)}-secret.txt`)).status).toBe(404);
    expect((await get('app://desk/', 'POST')).status).toBe(405);
  });

  test('a print document is served once, under the print policy', async () => {
    const store = createPrintStore();
    const token = store.put('<!doctype html><p>slip</p>');
    const first = await get(`app://desk/__print/${token}`, 'GET', store);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    expect(await first.text()).toBe('<!doctype html><p>slip</p>');
    expect((await get(`app://desk/__print/${token}`, 'GET', store)).status).toBe(404);
    expect((await get('app://desk/__print/guessed', 'GET', store)).status).toBe(404);
  });

  test('handleAppProtocol answers the app scheme through protocol.handle', async () => {
    const handle = vi.fn();
    handleAppProtocol({ handle }, dir, createPrintStore());
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (r: Request) => Promise<Response>;
    expect((await handler(new Request('app://desk/assets/app.js'))).status).toBe(200);
  });
});

test('the scheme is standard and secure, but neither CORS-open nor CSP-exempt', () => {
  registerSchemePrivileged();
  expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
});

test('content types', () => {
  expect(contentTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
  expect(contentTypeFor('font.woff2')).toBe('font/woff2');
  expect(contentTypeFor('icon.svg')).toBe('image/svg+xml');
  expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
});

describe('createPrintStore', () => {
  test('tokens are unguessable and single use', () => {
    const store = createPrintStore();
    const a = store.put('a');
    const b = store.put('b');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.take(a)).toBe('a');
    expect(store.take(a)).toBeNull();
    store.discard(b);
    expect(store.take(b)).toBeNull();
    expect(store.size).toBe(0);
  });
});
