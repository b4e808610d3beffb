import type { Page } from '@playwright/test';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract';
import type { Desk } from './harness';

export const OWN_PASSWORD = 'MyOwnPass#456';
const TEMP = 'Temporary#123';

export interface Staff {
  supervisor: number;
  chen: number;
  lin: number;
}

/** Calls the real dispatch table as `sender` and unwraps the value (test set-up only). */
export async function as<C extends ChannelName>(desk: Desk, sender: string, channel: C, payload: InputOf<C>): Promise<OutputOf<C>> {
  const r = await desk.core.dispatcher.dispatch(sender, channel, payload);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.value as OutputOf<C>;
}

/**
 * A supervisor and two operators (陳小華 chen, 林大明 lin) who have set their own passwords;
 * the senders 'seed-chen' / 'seed-lin' are signed in as them for setting up data.
 */
export async function seedStaff(desk: Desk): Promise<Staff> {
  const sup = await as(desk, 'seed', 'auth:setupSupervisor', { displayName: '王督導', loginName: 'boss', password: OWN_PASSWORD, passwordConfirm: OWN_PASSWORD });
  const ids: Record<string, number> = {};
  for (const [loginName, displayName] of [
    ['chen', '陳小華'],
    ['lin', '林大明'],
  ] as const) {
    const a = await as(desk, 'seed', 'accounts:create', { displayName, loginName, roles: ['operator'], password: TEMP, passwordConfirm: TEMP });
    await as(desk, `seed-${loginName}`, 'auth:signIn', { loginName, password: TEMP });
    await as(desk, `seed-${loginName}`, 'auth:changePassword', { currentPassword: TEMP, password: OWN_PASSWORD, passwordConfirm: OWN_PASSWORD });
    ids[loginName] = a.id;
  }
  return { supervisor: sup.id, chen: ids.chen ?? 0, lin: ids.lin ?? 0 };
}

export async function signIn(page: Page, loginName: string): Promise<void> {
  await page.reload();
  await page.getByLabel('登入帳號').fill(loginName);
  await page.getByLabel('密碼').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: '登入' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '登出' }).click();
  await page.getByRole('heading', { name: '登入' }).waitFor();
}

export async function refId(desk: Desk, kind: 'callerType' | 'serviceItem' | 'nonServiceCallType' | 'referralUnit' | 'riskFlag', code: string): Promise<number> {
  const all = await as(desk, 'seed', 'reference:all', {});
  const item = all[kind].find((i) => i.code === code);
  if (!item) throw new Error(`no ${kind} ${code}`);
  return item.id;
}
