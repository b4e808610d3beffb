/**
 * The bureau's staff over ten years, created through the real API (first-run supervisor, then
 * accounts:create, then each person's own password), so sign-in in the bench is the app's own.
 * People who left before the end are disabled, as a supervisor would.
 */
import type { Core } from '../../electron/core/bootstrap';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { DAYS, type Staff, type StaffMember } from './genContext';
import { chineseName } from './people';
import { Rng } from './rng';

/** Every generated account signs in with this password (the bench's own data only). */
export const BENCH_PASSWORD = 'bench-Desk-2025';
const TEMPORARY = 'bench-Temp-2025';

export const LOGINS = { supervisor: 'boss', operator: 'op01', coordinator: 'coord01', counter: 'desk01' } as const;

export async function dispatchOk<C extends ChannelName>(core: Core, sender: string, channel: C, payload: InputOf<C>): Promise<OutputOf<C>> {
  const r = await core.dispatcher.dispatch(sender, channel, payload);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.value as OutputOf<C>;
}

/** Signs `sender` in as `loginName` (who has already chosen BENCH_PASSWORD). */
export async function signIn(core: Core, sender: string, loginName: string): Promise<number> {
  const account = await dispatchOk(core, sender, 'auth:signIn', { loginName, password: BENCH_PASSWORD });
  return account.id;
}

interface Plan {
  role: Role;
  prefix: string;
  count: number;
  /** how many work at the same time */
  concurrent: number;
}

const PLANS: Plan[] = [
  { role: 'operator', prefix: 'op', count: 24, concurrent: 8 },
  { role: 'coordinator', prefix: 'coord', count: 6, concurrent: 3 },
  { role: 'counter', prefix: 'desk', count: 8, concurrent: 3 },
];

/** Staggered periods: `concurrent` people at a time, each replaced after a few years; the last ones stay. */
function periods(plan: Plan): { from: number; to: number }[] {
  const step = Math.floor(DAYS / (plan.count - plan.concurrent + 1));
  return Array.from({ length: plan.count }, (_, i) => {
    const from = i < plan.concurrent ? 0 : (i - plan.concurrent + 1) * step;
    const to = i >= plan.count - plan.concurrent ? DAYS - 1 : from + plan.concurrent * step - 1;
    return { from, to: Math.min(DAYS - 1, to) };
  });
}

export async function createStaff(core: Core): Promise<Staff & { leavers: number[] }> {
  const rng = new Rng(7);
  const admin = 'generator';
  const boss = await dispatchOk(core, admin, 'auth:setupSupervisor', {
    displayName: '王督導',
    loginName: LOGINS.supervisor,
    password: BENCH_PASSWORD,
    passwordConfirm: BENCH_PASSWORD,
  });
  const staff: Staff & { leavers: number[] } = { supervisor: boss.id, operators: [], coordinators: [], counter: [], leavers: [] };
  for (const plan of PLANS) {
    const list: StaffMember[] = [];
    for (const [i, p] of periods(plan).entries()) {
      // op01, coord01, desk01 are among the last ones: the people the bench signs in as.
      const loginName = `${plan.prefix}${String(plan.count - i).padStart(2, '0')}`;
      const account = await dispatchOk(core, admin, 'accounts:create', {
        displayName: chineseName(rng, rng.chance(0.5) ? 'M' : 'F'),
        loginName,
        roles: [plan.role],
        password: TEMPORARY,
        passwordConfirm: TEMPORARY,
      });
      const sender = `generator-${loginName}`;
      await dispatchOk(core, sender, 'auth:signIn', { loginName, password: TEMPORARY });
      await dispatchOk(core, sender, 'auth:changePassword', { currentPassword: TEMPORARY, password: BENCH_PASSWORD, passwordConfirm: BENCH_PASSWORD });
      await dispatchOk(core, sender, 'auth:signOut', {});
      list.push({ id: account.id, ...p });
      if (p.to < DAYS - 1) staff.leavers.push(account.id);
    }
    if (plan.role === 'operator') staff.operators = list;
    else if (plan.role === 'coordinator') staff.coordinators = list;
    else staff.counter = list;
  }
  return staff;
}

/** As the supervisor signed in by createStaff (same core, same sender). */
export async function disableLeavers(core: Core, leavers: readonly number[]): Promise<void> {
  for (const id of leavers) await dispatchOk(core, 'generator', 'accounts:setDisabled', { id, disabled: true });
}
