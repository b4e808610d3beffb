import type { CallInput } from '../../../shared/api/channels/hotline';
import type { RefItem, RefKind } from '../../../shared/domain/reference';
import { makeCore, okValue, type TestCore } from '../../support/core';

export interface HotlineFixture {
  t: TestCore;
  /** senders: 'admin' is the supervisor, 'op1'/'op2' are operators */
  op1: number;
  op2: number;
  supervisor: number;
  ref(kind: RefKind, code: string): RefItem;
  /** a complete, valid service call of op1 that started 10 minutes ago and lasted 5 */
  call(overrides?: Partial<CallInput>): CallInput;
}

export async function hotlineFixture(start?: Date): Promise<HotlineFixture> {
  const t = makeCore({ start });
  const sup = await t.setupSupervisor('admin');
  const op1 = await t.signInAs('op1', ['operator'], { loginName: 'op1', displayName: '陳小華' });
  const op2 = await t.signInAs('op2', ['operator'], { loginName: 'op2', displayName: '林大明' });
  const all = okValue(await t.call('admin', 'reference:all', {}));
  const ref = (kind: RefKind, code: string) => {
    const item = all[kind].find((i) => i.code === code);
    if (!item) throw new Error(`no ${kind} ${code}`);
    return item;
  };
  const call = (overrides: Partial<CallInput> = {}): CallInput => {
    const now = t.clock.now.getTime();
    return {
      direction: 'inbound',
      startedAt: new Date(now - 10 * 60_000).toISOString(),
      endedAt: new Date(now - 5 * 60_000).toISOString(),
      operatorId: op1.id,
      callerTypeId: ref('callerType', 'family').id,
      gender: 'female',
      ageGroupId: ref('ageGroup', 'age-40-49').id,
      districtId: ref('district', 'gushan').id,
      phone: '0912-345-678',
      serviceItemIds: [ref('serviceItem', 'psychological-support').id, ref('serviceItem', 'medical-treatment').id],
      notes: '母親詢問兒子戒治資源，情緒低落',
      flags: [],
      ...overrides,
    };
  };
  return { t, op1: op1.id, op2: op2.id, supervisor: sup.id, ref, call };
}

export function errorOf<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; messageKey: string; field?: string; fields?: { field: string; messageKey: string }[] } }) {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export const HOUR = 3_600_000;
