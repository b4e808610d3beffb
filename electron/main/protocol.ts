/**
 * Serves the renderer from app://desk/ instead of file:// (checklist #18: file:// pages can
 * read every file on the machine, and get extra privileges unless a fuse removes them).
 * A standard, secure scheme gives the page a real origin, so CSP 'self', same-origin
 * checks and the sender checks in ipc.ts all mean something.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Protocol } from 'electron';
import {
  APP_HOST,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  PRINT_CONTENT_SECURITY_POLICY,
  PRINT_PATH_PREFIX,
} from './security';
import type { PrintStore } from './printStore';

/** Must run before app 'ready': privileges cannot be granted to a scheme afterwards. */
export function registerSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // No corsEnabled and no bypassCSP: leaving corsEnabled unset keeps the scheme unreadable
      // from any other origin, and our CSP must apply (checklist #7).
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The path part of the URL exactly as written, before any WHATWG normalisation. */
function rawPathOf(url: string): string | null {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(url)?.[1] ?? null;
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Maps app://desk/<path> to a file under rootDir, or null when the request is not ours or
 * tries to leave rootDir. The URL parser would silently fold `..` (even `%2e%2e`) back into
 * the root; we refuse such requests outright instead, so an attempt is never served anything.
 */
export function resolveAppPath(url: string, rootDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;

  const raw = rawPathOf(url);
  const decodedRaw = raw === null ? null : safeDecode(raw);
  const decoded = safeDecode(parsed.pathname);
  if (decodedRaw === null || decoded === null) return null;
  // Backslashes and NULs are never part of our asset names; ':' would name a Windows drive or stream.
  if (/[\\\0:]/.test(decodedRaw) || /[\\\0:]/.test(decoded)) return null;
  if (decodedRaw.split('/').some((s) => s === '..' || s === '.')) return null;

  const segments = decoded.split('/').slice(1);
  // '//x' would be an absolute path once joined on POSIX; empty inner segments are never ours.
  if (segments.slice(0, -1).some((s) => s === '')) return null;
  const last = segments[segments.length - 1] ?? '';
  // '/' and extension-less paths are the single-page app itself (client-side routes).
  const relative = last === '' || !last.includes('.') ? ['index.html'] : segments;

  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...relative);
  const rel = path.relative(root, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Nothing is cached: a new build must never mix with an old one's chunks.
  'Cache-Control': 'no-store',
};

/** The answer for one app:// request; exported so it can be exercised without Electron. */
export async function respond(request: Pick<Request, 'url' | 'method'>, rendererDir: string, printStore: PrintStore): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');

  let pathname: string;
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    return textResponse(400, 'Bad Request');
  }
  if (pathname.startsWith(PRINT_PATH_PREFIX)) {
    const html = printStore.take(pathname.slice(PRINT_PATH_PREFIX.length));
    if (html === null) return textResponse(404, 'Not Found');
    return new Response(html, {
      headers: { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY },
    });
  }

  const file = resolveAppPath(request.url, rendererDir);
  if (file === null) return textResponse(404, 'Not Found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return textResponse(404, 'Not Found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    headers: { ...COMMON_HEADERS, 'Content-Type': contentTypeFor(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Call after 'ready'. protocol.handle (Electron ≥ 25) replaces the deprecated register*Protocol APIs. */
export function handleAppProtocol(proto: Pick<Protocol, 'handle'>, rendererDir: string, printStore: PrintStore): void {
  proto.handle(APP_SCHEME, (request) => respond(request, rendererDir, printStore));
}

export { createPrintStore, type PrintStore } from './printStore';
