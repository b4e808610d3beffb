/**
 * Keystroke → result in the check-in search, in Chromium: the built renderer served as the e2e
 * harness serves it, window.api forwarded (page.exposeBinding) to the bench core's dispatch
 * table on the full-size database. In the page, a capture listener stamps the keystroke
 * (keydown, or the input event of an IME commit) and a MutationObserver stamps the moment the
 * answer to the whole query is in the DOM; both with the page's own performance.now().
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHANNEL_NAMES } from '../../shared/api/contract';
import { SENDERS, type Bench, type RosterPerson } from './benchCore';
import { LOGINS, dispatchOk, signIn } from './genAccounts';
import { ROOT } from './generate';
import { result, runs, summarise, type MeasureResult } from './measure';

const WINDOW = 'bench-window';

interface Expected {
  count: number;
  name: string;
  maskedId: string;
}

/** What the page must show once the full query is answered: the first row and how many. */
async function expectedFor(b: Bench, query: string): Promise<Expected | null> {
  const out = await dispatchOk(b.core, SENDERS.coordinator, 'lectures:lookup', { sessionId: b.todaySessionId, query });
  const first = out.rows[0];
  return first ? { count: out.rows.length, name: first.name, maskedId: first.maskedId } : null;
}

const sameAnswer = (a: Expected | null, b: Expected | null) => a !== null && b !== null && a.count === b.count && a.name === b.name && a.maskedId === b.maskedId;

/** Queries whose last keystroke changes the answer (otherwise nothing new would appear to be timed). */
async function plan(b: Bench, n: number): Promise<{ prefix: string; last: string; ime: boolean; expected: Expected }[]> {
  const out: { prefix: string; last: string; ime: boolean; expected: Expected }[] = [];
  const forms = [
    (p: RosterPerson) => ({ q: p.name, ime: true }),
    (p: RosterPerson) => ({ q: p.nationalId.slice(0, 6), ime: false }),
    (p: RosterPerson) => ({ q: p.phoneKey.slice(0, 7), ime: false }),
  ];
  for (let i = 0; out.length < n && i < b.roster.length * forms.length; i++) {
    const form = forms[i % forms.length] as (p: RosterPerson) => { q: string; ime: boolean };
    const { q, ime } = form(b.roster[Math.floor(i / forms.length)] as RosterPerson);
    const chars = [...q];
    const prefix = chars.slice(0, -1).join('');
    const expected = await expectedFor(b, q);
    if (expected && !sameAnswer(expected, await expectedFor(b, prefix))) out.push({ prefix, last: chars[chars.length - 1] as string, ime, expected });
  }
  return out;
}

async function type(page: Page, text: string, ime: boolean): Promise<void> {
  // Chinese arrives as an IME commit (an input event, no keydown of the character); IDs and digits as keys.
  if (ime) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
}

/** Waits until the results stop changing for `quietMs` (the answer to what was typed has landed). */
async function settle(page: Page, quietMs: number): Promise<void> {
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        let timer = window.setTimeout(done, quiet);
        const obs = new MutationObserver(() => {
          window.clearTimeout(timer);
          timer = window.setTimeout(done, quiet);
        });
        function done() {
          obs.disconnect();
          resolve();
        }
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    quietMs,
  );
}

/** Arms the stamps, sends the last keystroke, returns [keystroke → in the DOM, keystroke → next frame] in ms. */
async function timeKeystroke(page: Page, last: string, ime: boolean, expected: Expected): Promise<[number, number]> {
  await page.evaluate((exp) => {
    const w = window as unknown as { __bench: Promise<[number, number]> };
    w.__bench = new Promise((resolve, reject) => {
      let t0 = 0;
      const stamp = () => {
        if (t0 === 0) t0 = performance.now();
      };
      document.addEventListener('keydown', stamp, { capture: true, once: true });
      document.addEventListener('input', stamp, { capture: true, once: true });
      const matches = () => {
        const rows = document.querySelectorAll('[data-testid="checkin-result"]');
        const text = rows[0]?.textContent ?? '';
        return rows.length === exp.count && text.includes(exp.name) && text.includes(exp.maskedId);
      };
      const obs = new MutationObserver(() => {
        if (t0 === 0 || !matches()) return;
        const inDom = performance.now() - t0;
        obs.disconnect();
        requestAnimationFrame(() => resolve([inDom, performance.now() - t0]));
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      window.setTimeout(() => reject(new Error(`no answer for the last keystroke: expected ${JSON.stringify(exp)}`)), 10_000);
    });
  }, expected);
  if (ime) await page.keyboard.insertText(last);
  else await page.keyboard.press(last);
  return page.evaluate(() => (window as unknown as { __bench: Promise<[number, number]> }).__bench);
}

export async function keystroke(b: Bench, rendererDir: string, quick: boolean): Promise<{ keystroke: MeasureResult; firstScreenJs: string }> {
  process.env.DESK_RENDERER_DIR = rendererDir;
  const { serveRenderer } = await import('../e2e/harness');
  const server = await serveRenderer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname.replace(/^\//, ''));
    });
    // tsx (esbuild, keepNames) wraps functions in __name(fn, "name"); the functions this file
    // hands to page.evaluate run in the page, where that helper has to exist too.
    await page.addInitScript('window.__name = (fn) => fn;');
    // How much of each keystroke the core's lookup takes (the rest: IPC, React, the DOM).
    const lookupMs: number[] = [];
    await page.exposeBinding('__deskInvoke', async (_source, channel: string, payload: unknown) => {
      const t = performance.now();
      const answer = await b.core.dispatcher.dispatch(WINDOW, channel, payload);
      if (channel === 'lectures:lookup') lookupMs.push(performance.now() - t);
      return answer;
    });
    await page.addInitScript((names: string[]) => {
      const w = window as unknown as { api: Record<string, Record<string, (p: unknown) => Promise<unknown>>>; __deskInvoke(c: string, p: unknown): Promise<unknown> };
      const api: Record<string, Record<string, (p: unknown) => Promise<unknown>>> = {};
      for (const name of names) {
        const [domain, method] = name.split(':') as [string, string];
        (api[domain] ??= {})[method] = (p: unknown) => w.__deskInvoke(name, p ?? {});
      }
      (api as unknown as { on: unknown }).on = () => () => undefined;
      w.api = api;
    }, CHANNEL_NAMES);
    // The window's session is the coordinator's, signed in as the app would be after the sign-in page.
    await signIn(b.core, WINDOW, LOGINS.coordinator);
    await page.goto(`${server.url}#/lecture-checkin`);
    const search = page.getByTestId('checkin-search');
    await search.waitFor({ timeout: 30_000 });
    await page.getByTestId('live-counts').waitFor({ timeout: 30_000 });
    const firstScreen = [...new Set(scripts)];
    const gz = firstScreen.reduce((a, f) => a + zlib.gzipSync(fs.readFileSync(path.join(rendererDir, f))).length, 0) / 1024;
    const r = runs(45, quick);
    const queries = await plan(b, r.n + r.warmup);
    const inDom: number[] = [];
    const frame: number[] = [];
    for (const [i, q] of queries.entries()) {
      await search.focus();
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="checkin-result"]').first().waitFor({ state: 'detached', timeout: 10_000 });
      await type(page, q.prefix, q.ime);
      await settle(page, 400);
      const [dom, paint] = await timeKeystroke(page, q.last, q.ime, q.expected);
      if (i >= r.warmup) {
        inDom.push(dom);
        frame.push(paint);
      }
    }
    // What the last measured keystroke showed, for a person to look at (tests/artifacts is not committed).
    fs.mkdirSync(path.join(ROOT, 'tests/artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'tests/artifacts/bench-checkin-ten-years.png') });
    const res = result('renderer.checkinKeystroke', 'keystroke in the check-in search → result in the DOM (Chromium)', inDom, {
      target: { stat: 'p95', max: 50 },
      notes: [
        `${inDom.length} keystrokes: names (IME commit), ID and phone digits; to the next frame p50 ${summarise(frame).p50.toFixed(1)} ms`,
        `of which the lookup in the core (lectures:lookup through dispatch) p50 ${summarise(lookupMs).p50.toFixed(1)} ms, p95 ${summarise(lookupMs).p95.toFixed(1)} ms`,
      ],
    });
    return { keystroke: res, firstScreenJs: `the check-in page loaded ${firstScreen.length} scripts, ${gz.toFixed(0)} KiB gzipped` };
  } finally {
    await browser.close();
    server.close();
  }
}

