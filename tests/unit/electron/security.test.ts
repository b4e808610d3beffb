import { beforeEach, describe, expect, test, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(() => Promise.resolve()) } }));
vi.mock('electron', () => electron);

import {
  CONTENT_SECURITY_POLICY,
  hardenApp,
  isAllowedExternal,
  isTrustedIpcSenderUrl,
  isTrustedUrl,
  webPreferencesFor,
  type HardenableApp,
  type HardenableSession,
} from '../../../electron/main/security';

describe('webPreferencesFor', () => {
  test('turns on every isolation the checklist asks for, and nothing else', () => {
    expect(webPreferencesFor('/app/dist/preload/index.cjs')).toEqual({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  test('only our own scripts run: no eval, no inline script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  test("inline styles are allowed (MUI's Emotion), plugins and framing are not", () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('isTrustedUrl', () => {
  test.each(['app://desk/', 'app://desk/x', 'app://desk/assets/index-abc.js?v=1#top'])('trusts %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true);
  });

  test.each([
    'app://evil/',
    'https://desk/',
    'file:///',
    'file:///C:/Windows/system32',
    'app://desk.evil.com/',
    'app://desk@evil.com/',
    'app://user:pw@desk/',
    'http://localhost:5173/',
    'about:blank',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false);
  });

  test('the print window may load but never speak IPC', () => {
    expect(isTrustedUrl('app://desk/__print/abc')).toBe(true);
    expect(isTrustedIpcSenderUrl('app://desk/__print/abc')).toBe(false);
    expect(isTrustedIpcSenderUrl('app://desk/')).toBe(true);
  });
});

describe('isAllowedExternal', () => {
  test.each(['https://dsacp.kcg.gov.tw/', 'https://www.kcg.gov.tw/News.aspx?n=1', 'https://kcg.gov.tw', 'https://www.mohw.gov.tw/mp-1.html'])(
    'opens %s',
    (url) => expect(isAllowedExternal(url)).toBe(true),
  );

  test.each([
    'http://dsacp.kcg.gov.tw/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://dsacp.kcg.gov.tw.evil.com/',
    'https://evil-kcg.gov.tw/',
    'https://dsacp.kcg.gov.tw@evil.com/',
    'https://user@dsacp.kcg.gov.tw/',
    'https://dsacp.kcg.gov.tw:8443/',
    'https://mohw.gov.tw/',
    'app://desk/',
    'mailto:someone@kcg.gov.tw',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternal(url)).toBe(false));
});

type Listener = (...args: unknown[]) => void;

type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;

function harness() {
  let contentsCreated: Listener | undefined;
  const handlers: { request?: PermissionRequest; check?: () => boolean; device?: () => boolean } = {};
  const session = {
    setPermissionRequestHandler: (h: PermissionRequest) => void (handlers.request = h),
    setPermissionCheckHandler: (h: () => boolean) => void (handlers.check = h),
    setDevicePermissionHandler: (h: () => boolean) => void (handlers.device = h),
  };
  const app = {
    on(name: string, listener: Listener) {
      if (name === 'web-contents-created') contentsCreated = listener;
      return app;
    },
  };
  hardenApp(app as unknown as HardenableApp, session as unknown as HardenableSession);

  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(h: typeof openHandler) {
      openHandler = h;
    },
  };
  contentsCreated?.({}, contents);
  return { handlers, listeners, openHandler: () => openHandler };
}

function navigation(url: string) {
  return { url, prevented: false, preventDefault() { this.prevented = true; } };
}

describe('hardenApp', () => {
  beforeEach(() => electron.shell.openExternal.mockClear());

  test('denies every permission request and check', () => {
    const { handlers } = harness();
    const callback = vi.fn();
    handlers.request?.({}, 'media', callback);
    handlers.request?.({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(handlers.check?.()).toBe(false);
    expect(handlers.device?.()).toBe(false);
  });

  test('a link to another site never navigates the window', () => {
    const { listeners } = harness();
    const external = navigation('https://evil.example/');
    listeners.get('will-navigate')?.(external);
    expect(external.prevented).toBe(true);
    const redirect = navigation('https://evil.example/');
    listeners.get('will-redirect')?.(redirect);
    expect(redirect.prevented).toBe(true);
    const own = navigation('app://desk/#/hotline');
    listeners.get('will-navigate')?.(own);
    expect(own.prevented).toBe(false);
  });

  test('no window ever opens; allow-listed links go to the system browser', () => {
    const open = harness().openHandler();
    expect(open?.({ url: 'https://www.kcg.gov.tw/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.kcg.gov.tw/');
    electron.shell.openExternal.mockClear();
    expect(open?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'app://desk/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  test('a <webview> is never attached', () => {
    const { listeners } = harness();
    const event = navigation('');
    listeners.get('will-attach-webview')?.(event, {}, {});
    expect(event.prevented).toBe(true);
  });
});
