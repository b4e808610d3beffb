import { it, expect } from 'vitest';
import { makeCore, okValue } from '../../support/core';
it('smoke', async () => {
  const t = makeCore();
  await t.setupSupervisor('admin');
  for (const section of ['hotline', 'lectures', 'counter', 'trends'] as const) {
    const r = await t.call('admin', 'stats:section', { period: { kind: 'month', year: 2025, month: 3 }, section });
    if (!r.ok) console.log(section, r.error, t.logs);
    expect(r.ok).toBe(true);
  }
  const p = okValue(await t.call('admin', 'print:preview', { kind: 'stats.monthlyReport', params: { period: { kind: 'month', year: 2025, month: 3 } }, lang: 'zh-TW' }));
  expect(p.html).toContain('民國114年3月');
  const e = await t.call('admin', 'export:run', { kind: 'stats.workbook', params: { period: { kind: 'month', year: 2025, month: 3 } }, lang: 'zh-TW', format: 'xlsx' });
  console.log(JSON.stringify(e), t.logs);
  t.cleanup();
});
