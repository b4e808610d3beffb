/**
 * Security as code. Each rule cites its item in Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security, "#n" below) so a reviewer can
 * check it against the source, and tests/unit/electron/security.test.ts pins the values.
 */
import { shell, type App, type Session, type WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Print documents are served under this path to the hidden print window only. */
export const PRINT_PATH_PREFIX = '/__print/';

/** The one set of preferences for every window that shows our renderer. */
export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true, // #3: the page cannot reach the preload's world
    sandbox: true, // #4: the renderer is an OS-sandboxed process; the preload may only require 'electron'
    nodeIntegration: false, // #2
    nodeIntegrationInWorker: false, // #2, for Web Workers too
    webSecurity: true, // #6: same-origin policy stays on
    allowRunningInsecureContent: false, // #8
    experimentalFeatures: false, // #9
    webviewTag: false, // #11/#12: no <webview> at all
    // Off: the spellchecker downloads dictionaries from Google's CDN (a network call we never need).
    spellcheck: false,
    // A file dropped on the window must not navigate it to file:// (#13, #18).
    navigateOnDragDrop: false,
    // A page looping alert() cannot lock the operator out of the window.
    safeDialogs: true,
  };
}

/**
 * #7: header sent with every app:// response. `style-src 'unsafe-inline'` is the one
 * concession: MUI's Emotion injects <style> tags at run time. Scripts stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Print documents carry their own fonts and images as data: URLs and never run a script
 * of their own (the main process waits for fonts through executeJavaScript, which page
 * CSP does not govern). Same policy as the meta tag in electron/core/print/page.ts.
 */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** #13/#17: compare parsed origins, never string prefixes (`app://desk.evil.com` starts with `app://desk`). */
export function isTrustedUrl(url: string): boolean {
  const parsed = parse(url);
  // Chromium gives a standard custom scheme a real tuple origin; Node's URL (used in tests
  // and here in main) reports 'null' for non-special schemes, so compare the parts too.
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** The print window is trusted to load, but it has no preload and must never speak IPC (#17). */
export function isTrustedIpcSenderUrl(url: string): boolean {
  return isTrustedUrl(url) && !(parse(url)?.pathname ?? '').startsWith(PRINT_PATH_PREFIX);
}

/** #15: the only places a link may open in the system browser. HTTPS only (#1). */
export const EXTERNAL_ALLOWLIST: ReadonlySet<string> = new Set(['dsacp.kcg.gov.tw', 'www.kcg.gov.tw', 'kcg.gov.tw', 'www.mohw.gov.tw']);

export function isAllowedExternal(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    !parsed.username &&
    !parsed.password &&
    EXTERNAL_ALLOWLIST.has(parsed.hostname)
  );
}

export type HardenableApp = Pick<App, 'on'>;
export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Opens an allow-listed URL in the system browser; anything else is dropped (#15). */
export function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternal(url)) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
}

/** Applies the app-wide rules: call once, on 'ready', before the first window exists. */
export function hardenApp(app: HardenableApp, session: HardenableSession): void {
  // #5: Electron approves every permission request by default. This app needs none
  // (no camera, geolocation, notifications, HID/serial/USB, clipboard-read …).
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    // #13: the renderer is a single-page app; it never navigates its top frame away.
    contents.on('will-navigate', (event) => {
      if (!isTrustedUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isTrustedUrl(event.url)) event.preventDefault();
    });
    // #14: no new windows, ever. A link to an allow-listed site opens in the system browser (#15).
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url);
      return { action: 'deny' };
    });
    // #12: webviewTag is off, but refuse attachment explicitly in case a preference is ever flipped.
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
