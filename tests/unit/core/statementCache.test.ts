import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { cacheStatements } from '../../../electron/core/db/statementCache';

let db: Db;

beforeEach(() => {
  db = new Database(':memory:') as unknown as Db;
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'a\'), (\'b\'), (\'c\')');
  cacheStatements(db, 3);
});

describe('statement cache', () => {
  it('hands out the compiled statement again for the same text', () => {
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(db.prepare('SELECT name FROM t WHERE id = ?'));
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).not.toBe(db.prepare('SELECT id FROM t WHERE id = ?'));
  });

  it('undoes a previous caller’s pluck and raw modes', () => {
    expect(db.prepare('SELECT name FROM t WHERE id = ?').pluck().get(1)).toBe('a');
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'a' });
    expect(db.prepare('SELECT name FROM t WHERE id = ?').raw().get(2)).toEqual(['b']);
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: 'b' });
  });

  it('compiles a fresh statement while the cached one is still iterating', () => {
    const sql = 'SELECT name FROM t ORDER BY id';
    const seen: string[] = [];
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ name: string }>) {
      seen.push(row.name, ...(db.prepare(sql).all() as { name: string }[]).map((r) => r.name));
    }
    expect(seen).toEqual(['a', 'a', 'b', 'c', 'b', 'a', 'b', 'c', 'c', 'a', 'b', 'c']);
  });

  it('keeps at most the given number, dropping the least recently used', () => {
    const first = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(first);
    db.prepare('SELECT 4');
    // 'SELECT 2' was the least recently used and is gone; 'SELECT 1' was used again and stays.
    expect(db.prepare('SELECT 1')).toBe(first);
    const second = db.prepare('SELECT 2');
    expect(second).not.toBe(two);
    expect(db.prepare('SELECT 2')).toBe(second);
  });

  it('still runs writes and sees schema changes', () => {
    db.prepare('INSERT INTO t (name) VALUES (?)').run('d');
    db.prepare('INSERT INTO t (name) VALUES (?)').run('e');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5);
    db.exec('ALTER TABLE t ADD COLUMN extra TEXT');
    expect(db.prepare('SELECT * FROM t WHERE id = ?').get(1)).toEqual({ id: 1, name: 'a', extra: null });
  });
});
