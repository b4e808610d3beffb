import { expect, test } from 'vitest';
import { DatabaseFromFutureError } from '../../../electron/core/db/migrate';
import { startupErrorText } from '../../../electron/main/startupErrors';

test('a database from a newer version is explained in Chinese first, then English', () => {
  const { title, body } = startupErrorText(new DatabaseFromFutureError(7, 3), '/data/desk.sqlite3');
  expect(title).toMatch(/^毒防服務台.*\/ Cannot open the database$/);
  const zh = body.indexOf('較新版本');
  const en = body.indexOf('newer version');
  expect(zh).toBeGreaterThanOrEqual(0);
  expect(en).toBeGreaterThan(zh);
  expect(body).toContain('第 7 版');
  expect(body).toContain('up to version 3');
  expect(body).toContain('neither opened nor changed');
  expect(body).toContain('/data/desk.sqlite3');
});

test('any other failure shows its message', () => {
  const { title, body } = startupErrorText(new Error('SQLITE_CANTOPEN'), '/data/desk.sqlite3');
  expect(title).toContain('could not start');
  expect(body).toContain('SQLITE_CANTOPEN');
});
