/**
 * Issue 7 §6: for EVERY channel of the contract (a new feature's channels are covered the day
 * they land), at least 1,000 malformed payloads through the real dispatch table on a real
 * database — wrong types, missing fields, 1 MB strings, SQL fragments, unknown ids, prototype
 * pollution keys, deep nesting, NaN/Infinity — plus wrong-role and signed-out callers.
 * Every answer must be a typed error value (or a clean success for input that happens to be
 * valid), never 'internal'; an error must leave every table's row count as it was.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../../shared/api/contract';
import type { ErrorCode, Result } from '../../../shared/api/result';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { translate } from '../../../shared/i18n';
import { makeCore, okValue, OWN_PASSWORD, type TestCore } from '../../support/core';
import { prng } from '../../support/prng';
import { jsonSchemaOf, malformed } from './fuzzPayloads';

const MALFORMED_PER_CHANNEL = 1000;
const SEED = Number(process.env.FUZZ_SEED ?? 20250305);
const ERROR_CODES: readonly ErrorCode[] = ['validation', 'unauthenticated', 'forbidden', 'notFound', 'conflict', 'locked', 'rateLimited', 'internal'];

/**
 * Channels allowed to answer 'internal' to some input, each with the reason. Empty: nothing a
 * caller can send may crash a handler.
 */
const INTERNAL_ALLOWED: Partial<Record<ChannelName, string>> = {};

/**
 * Refusals that must write: a wrong password is counted towards the lockout and audited as a
 * failed sign-in (electron/core/auth/service.ts), also when it is typed on the lock screen.
 */
const WRITES_ON_REFUSAL: Partial<Record<ChannelName, readonly string[]>> = {
  'auth:signIn': ['auth.invalidCredentials', 'auth.locked'],
  'auth:unlock': ['safety:lock.wrongPassword', 'auth.locked'],
};

const keyExists = (key: string) => translate('zh-TW', key) !== key;

interface Session {
  t: TestCore;
  /** makes the 'fuzz' window signed in, unlocked, with every role again */
  restore(): Promise<void>;
}

async function sessionFor(): Promise<Session> {
  const t = makeCore();
  await t.setupSupervisor('admin');
  const fuzz = await t.signInAs('fuzz', [...ROLES], { loginName: 'fuzzer' });
  const restore = async () => {
    const status = await t.callRaw('fuzz', 'safety:status', {});
    if (status.ok && !(status.value as { locked: boolean }).locked) return;
    // Signed out, locked, or the account lost its roles to a valid payload: put it back.
    t.core.db.prepare('UPDATE accounts SET disabled = 0, failed_attempts = 0, locked_until = NULL, must_change_password = 0 WHERE id = ?').run(fuzz.id);
    t.core.dispatcher.endSession('fuzz');
    const signIn = await t.call('fuzz', 'auth:signIn', { loginName: 'fuzzer', password: OWN_PASSWORD });
    if (!signIn.ok) throw new Error(`could not restore the fuzz session: ${JSON.stringify(signIn.error)}`);
  };
  return { t, restore };
}

function wrongRolesFor(channel: ChannelName): Role[] | null {
  const access = contract[channel].access;
  if (!Array.isArray(access)) return null;
  const others = ROLES.filter((r) => !(access as readonly Role[]).includes(r));
  return others.length ? others : null;
}

/** Row counts of every table, recomputed only when the connection has written since last time. */
function writeWatch(t: TestCore) {
  const changes = () => (t.core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  let seenChanges = changes();
  let counts = t.rowCounts();
  return {
    /** after a call: did an error answer leave rows behind? */
    check(answerOk: boolean): Record<string, number> | null {
      const now = changes();
      if (now === seenChanges) return null;
      seenChanges = now;
      const next = t.rowCounts();
      const before = counts;
      counts = next;
      if (answerOk) return null;
      return JSON.stringify(next) === JSON.stringify(before) ? null : { ...next };
    },
  };
}

function describeAnswer(r: unknown): string {
  try {
    return String(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v)));
  } catch {
    // Nesting too deep for JSON.stringify.
    return '(deeply nested)';
  }
}

describe('every channel refuses malformed input with a typed error, writing nothing', () => {
  it.each(CHANNEL_NAMES)('%s', async (channel) => {
    const { t, restore } = await sessionFor();
    try {
      const schema = contract[channel].input as z.ZodType;
      const json = jsonSchemaOf(schema);
      const wrongRoles = wrongRolesFor(channel);
      if (wrongRoles) await t.signInAs('wrong-role', wrongRoles, { loginName: 'wrongrole' });
      const watch = writeWatch(t);
      // No channel, whatever it is sent, may change or remove an audit entry (issue 7 §4).
      const lastAuditId = (t.core.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
      const trail = () => t.core.db.prepare('SELECT * FROM audit_log WHERE id <= ? ORDER BY id').all(lastAuditId);
      const trailBefore = trail();
      const random = prng(SEED ^ [...channel].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
      const problems: string[] = [];
      let malformedSent = 0;
      let sent = 0;

      for (let i = 0; malformedSent < MALFORMED_PER_CHANNEL && i < MALFORMED_PER_CHANNEL * 4; i++) {
        // Through structured cloning, as IPC delivers it (functions and symbols cannot cross).
        const payload = structuredClone(malformed(random, json, i));
        const isMalformed = !schema.safeParse(payload).success;
        if (isMalformed) malformedSent++;
        sent++;
        const r = (await t.callRaw('fuzz', channel, payload)) as Result<unknown>;
        const label = `#${i} ${describeAnswer(payload).slice(0, 300)} → ${describeAnswer(r).slice(0, 300)}`;

        if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean') problems.push(`not a result: ${label}`);
        else if (!r.ok) {
          const { code, messageKey } = r.error;
          if (!ERROR_CODES.includes(code)) problems.push(`unknown code: ${label}`);
          if (code === 'internal' && !INTERNAL_ALLOWED[channel]) problems.push(`internal error: ${label}`);
          if (typeof messageKey !== 'string' || !keyExists(messageKey)) problems.push(`untranslated key: ${label}`);
          for (const f of r.error.fields ?? []) if (!keyExists(f.messageKey)) problems.push(`untranslated field key: ${label}`);
          if (isMalformed && code !== 'validation') problems.push(`malformed payload not refused as validation: ${label}`);
        } else if (isMalformed) problems.push(`malformed payload accepted: ${label}`);
        const mayWrite = !r.ok && (WRITES_ON_REFUSAL[channel] ?? []).includes(r.error.messageKey);
        const leftover = watch.check(r.ok || mayWrite);
        if (leftover) problems.push(`error answer changed rows: ${label}`);
        if (r.ok || mayWrite) {
          await restore();
          // What restoring the session wrote (a sign-in and its audit entry) is not the payload's.
          watch.check(true);
        }

        // The same payload from a window without the role, and from a signed-out one.
        if (i % 10 === 0) {
          if (wrongRoles) {
            const denied = await t.callRaw('wrong-role', channel, payload);
            if (denied.ok || denied.error.code !== 'forbidden') problems.push(`wrong role not forbidden: ${label} / ${describeAnswer(denied)}`);
            if (watch.check(false)) problems.push(`wrong-role call changed rows: ${label}`);
          }
          if (contract[channel].access !== 'public') {
            const stranger = await t.callRaw('stranger', channel, payload);
            if (stranger.ok || stranger.error.code !== 'unauthenticated') problems.push(`signed-out caller not refused: ${label}`);
            if (watch.check(false)) problems.push(`signed-out call changed rows: ${label}`);
          }
        }
        if (problems.length >= 5) break;
      }

      expect(problems).toEqual([]);
      expect(trail()).toEqual(trailBefore);
      expect(malformedSent).toBeGreaterThanOrEqual(MALFORMED_PER_CHANNEL);
      // Nothing leaked onto Object.prototype, the database is intact, the tables are all there.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(t.core.db.pragma('quick_check', { simple: true })).toBe('ok');
      await restore();
      expect(okValue(await t.call('fuzz', 'accounts:list', {})).length).toBeGreaterThanOrEqual(2);
      expect(sent).toBeGreaterThanOrEqual(malformedSent);
    } finally {
      t.cleanup();
    }
  });
});
