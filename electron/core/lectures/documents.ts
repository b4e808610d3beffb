import { z } from 'zod';
import { translatorFor } from '../../../shared/i18n';
import type { Role } from '../../../shared/domain/roles';
import type { HandlerContext } from '../context';
import { notFound } from '../errors';
import { defineDocument, type DocumentSpec } from '../print/spec';
import { historyOf } from './enrolmentsRepo';
import { printPeople, printPerson, printSession, type PrintSession } from './print/data';
import { noticeDocument, NOTICE_KIND } from './print/notice';
import { signInSheetDocument, SIGN_IN_SHEET_KIND } from './print/signInSheet';
import { certificateDocument, CERTIFICATE_KIND } from './print/certificate';
import { transferLetterDocument, TRANSFER_LETTER_KIND } from './print/transferLetter';

const ACCESS: readonly Role[] = ['coordinator', 'supervisor'];
const id = z.number({ error: 'validation.invalidType' }).int().positive('validation.invalidId');
const ids = z.array(id).min(1, 'validation.required').max(1000, 'validation.tooBig');

function session(ctx: HandlerContext, sessionId: number): PrintSession {
  const s = printSession(ctx.db, sessionId);
  if (!s) throw notFound('params.sessionId');
  return s;
}

/** Printable documents of this feature, registered in electron/core/print/registry.ts. */
export const lecturesDocuments: Record<string, DocumentSpec<never>> = {
  // Only people still to be told: those already checked in, on leave or moved need no letter.
  [NOTICE_KIND]: defineDocument({
    access: ACCESS,
    params: z.object({ sessionId: id, enrolmentIds: ids.optional(), fullId: z.boolean().default(false) }).strict(),
    personalData: true,
    build: (ctx, p, lang) => {
      const s = session(ctx, p.sessionId);
      const people = s.cancelled ? [] : printPeople(ctx.db, s.id, ['scheduled', 'notified'], p.enrolmentIds);
      return noticeDocument({ session: s, people, fullId: p.fullId }, translatorFor(lang), lang, ctx.fontDir);
    },
  }),
  [SIGN_IN_SHEET_KIND]: defineDocument({
    access: ACCESS,
    params: z.object({ sessionId: id }).strict(),
    personalData: true,
    build: (ctx, p, lang) => {
      const s = session(ctx, p.sessionId);
      const people = printPeople(ctx.db, s.id, ['scheduled', 'notified', 'leaveRequested', 'checkedIn', 'completed', 'noShow']);
      return signInSheetDocument(
        { session: s, people, printedAt: ctx.now(), printedBy: ctx.actor?.displayName ?? '' },
        translatorFor(lang),
        lang,
        ctx.fontDir,
      );
    },
  }),
  [CERTIFICATE_KIND]: defineDocument({
    access: ACCESS,
    params: z.object({ sessionId: id, enrolmentIds: ids.optional() }).strict(),
    personalData: true,
    build: (ctx, p, lang) => {
      const s = session(ctx, p.sessionId);
      const people = printPeople(ctx.db, s.id, ['completed'], p.enrolmentIds);
      return certificateDocument({ session: s, people }, translatorFor(lang), lang, ctx.fontDir);
    },
  }),
  [TRANSFER_LETTER_KIND]: defineDocument({
    access: ACCESS,
    params: z.object({ enrolmentId: id, fullId: z.boolean().default(false) }).strict(),
    personalData: true,
    build: (ctx, p, lang) => {
      const person = printPerson(ctx.db, p.enrolmentId);
      if (!person || person.status !== 'transferredCity') throw notFound('params.enrolmentId');
      const s = session(ctx, person.sessionId);
      // The letter number is stable per enrolment so a reprint carries the same one.
      const letterNo = `${s.date.slice(0, 4)}-${String(person.enrolmentId).padStart(6, '0')}`;
      return transferLetterDocument(
        { session: s, person, history: historyOf(ctx.db, person.enrolmentId), fullId: p.fullId, printedAt: ctx.now(), letterNo },
        translatorFor(lang),
        lang,
        ctx.fontDir,
      );
    },
  }),
};
