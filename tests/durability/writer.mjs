/**
 * A stand-in for the app's writing process, killed with SIGKILL by durability.test.ts.
 * Plain Node ESM (no TypeScript loader needed): it opens the file with exactly the pragmas
 * the test hands it — electron/core/db/open.ts keyPragmas() and DURABILITY_PRAGMAS — and
 * performs a stream of saves shaped like the app's (a row, its child row and an audit entry
 * in one transaction), printing "ack <n>" only after each commit has returned.
 *
 * Usage: node writer.mjs '<json: {file, pragmas: string[], first: number, count: number}>'
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Driver = require('better-sqlite3-multiple-ciphers');

const config = JSON.parse(process.argv[2]);
const db = new Driver(config.file, { timeout: 5000 });
for (const p of config.pragmas) db.pragma(p);

// Lets the test check that the pragmas took effect on this connection.
process.stdout.write(
  `ready journal_mode=${db.pragma('journal_mode', { simple: true })} synchronous=${db.pragma('synchronous', { simple: true })} foreign_keys=${db.pragma('foreign_keys', { simple: true })}\n`,
);

const insertAccount = db.prepare(
  `INSERT INTO accounts (login_name, display_name, password_hash, created_at, updated_at) VALUES (?, ?, 'x', ?, ?)`,
);
const insertRole = db.prepare(`INSERT INTO account_roles (account_id, role) VALUES (?, 'operator')`);
const insertAudit = db.prepare(
  `INSERT INTO audit_log (at, account_id, action, entity, entity_id, details) VALUES (?, ?, 'create', 'account', ?, ?)`,
);

// Notes of varying length, so saves span pages and the WAL checkpoints now and then.
const filler = '通話紀錄備註：個案表示近期睡眠不佳，已提供心理支持與轉介資訊。'.repeat(40);

const save = db.transaction((n) => {
  const at = new Date().toISOString();
  const id = Number(insertAccount.run(`w${n}`, `writer ${n}`, at, at).lastInsertRowid);
  insertRole.run(id);
  insertAudit.run(at, id, String(id), JSON.stringify({ n, note: filler.slice(0, 200 + ((n * 37) % filler.length)) }));
});

const last = config.first + config.count;
for (let n = config.first; n < last; n++) {
  save(n);
  // Synchronous on a pipe (Node docs, "A note on process I/O"): once written, the parent can read it.
  process.stdout.write(`ack ${n}\n`);
}
db.close();
process.stdout.write('done\n');
