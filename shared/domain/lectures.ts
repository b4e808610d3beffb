/**
 * Lecture enrolment vocabulary and state machine, shared by main, renderer and print (issue 4,
 * ../shared/DOMAIN.md §2). Labels: 'lectures:status.<code>' in both languages.
 */
export const ENROLMENT_STATUSES = [
  'scheduled',
  'notified',
  'leaveRequested',
  'toReschedule',
  'checkedIn',
  'completed',
  'transferredSession',
  'transferredCity',
  'noShow',
  'renotified',
  'returned',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/**
 * Every allowed change of status; anything not listed is refused. Creating an enrolment is not
 * a transition (it starts at 'scheduled', or 'checkedIn' for a walk-in transferred on the day).
 */
export const TRANSITIONS: Readonly<Record<EnrolmentStatus, readonly EnrolmentStatus[]>> = {
  // notice letter printed
  scheduled: ['notified', 'leaveRequested', 'checkedIn', 'noShow', 'toReschedule', 'transferredSession', 'transferredCity'],
  notified: ['leaveRequested', 'checkedIn', 'noShow', 'toReschedule', 'transferredSession', 'transferredCity'],
  // approved → toReschedule; refused → back to where the person was; came after all → checkedIn
  leaveRequested: ['toReschedule', 'scheduled', 'notified', 'checkedIn', 'transferredSession', 'transferredCity'],
  // 待排: a new session is chosen (transferredSession) or the person moved away
  toReschedule: ['transferredSession', 'transferredCity'],
  // undo of a mistaken check-in goes back to where the person was; leaving early may end in noShow
  checkedIn: ['completed', 'noShow', 'scheduled', 'notified'],
  completed: [],
  transferredSession: [],
  transferredCity: [],
  // a late correction (came, was not marked) is a check-in after all
  noShow: ['renotified', 'returned', 'checkedIn', 'transferredSession', 'transferredCity'],
  renotified: ['transferredSession', 'transferredCity', 'returned'],
  returned: [],
};

export function canTransition(from: EnrolmentStatus, to: EnrolmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Enrolments that hold a seat in their session (capacity, "booked"). */
export const SEAT_HOLDING: readonly EnrolmentStatus[] = [
  'scheduled',
  'notified',
  'leaveRequested',
  'checkedIn',
  'completed',
  'noShow',
  'renotified',
  'returned',
];

/** Still expected at their session: a second enrolment elsewhere would be a double booking. */
export const OPEN_STATUSES: readonly EnrolmentStatus[] = ['scheduled', 'notified', 'leaveRequested', 'checkedIn'];

/** Waiting for a new session: enrolling such a person elsewhere is a transfer (轉訓). */
export const RESCHEDULABLE: readonly EnrolmentStatus[] = ['toReschedule', 'noShow', 'renotified'];

/** A person found at the check-in desk with one of these in another session may be transferred in. */
export const WALK_IN_FROM: readonly EnrolmentStatus[] = ['scheduled', 'notified', 'leaveRequested', 'toReschedule', 'noShow', 'renotified'];

export const ATTENDED: readonly EnrolmentStatus[] = ['checkedIn', 'completed'];
export const NO_SHOW: readonly EnrolmentStatus[] = ['noShow', 'renotified', 'returned'];
export const TERMINAL: readonly EnrolmentStatus[] = ['completed', 'transferredSession', 'transferredCity', 'returned'];

export const SESSION_KINDS = ['weekday', 'holiday', 'repeatGroup'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const DRUG_CLASSES = [3, 4] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

/** 再犯: penalised twice or more; such people belong in the repeat-offender group (DOMAIN.md §2). */
export const isRepeatOffender = (penaltyCount: number): boolean => penaltyCount >= 2;

/** Age in whole years on a date; both 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Under 18 on that date: 講習辦法 Art. 10 keeps a minor's identity confidential. */
export function isMinorOn(birthDate: string | null, onDate: string): boolean {
  return birthDate !== null && ageOn(birthDate, onDate) < 18;
}

/** 王小明 → 王○明, 李四 → 李○: for printed sheets about minors. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}○`;
  return `${chars[0]}${'○'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Default kind for a date: weekends are holiday sessions (假日講習). */
export function defaultKindFor(weekday: number): SessionKind {
  return weekday === 0 || weekday === 6 ? 'holiday' : 'weekday';
}

/** History reasons the system writes itself; shown translated ('lectures:reasons.<code>'), others as typed. */
export const REASON_CODES = ['walkIn', 'undo'] as const;

export function reasonText(reason: string, t: (key: string) => string): string {
  return (REASON_CODES as readonly string[]).includes(reason) ? t(`lectures:reasons.${reason}`) : reason;
}

/** The roster screen's status groups; its export takes the same group (issue 6). */
export const ROSTER_FILTERS = {
  all: null,
  expected: ['scheduled', 'notified'],
  present: ['checkedIn', 'completed'],
  leave: ['leaveRequested', 'toReschedule'],
  noShow: ['noShow', 'renotified', 'returned'],
  moved: ['transferredSession', 'transferredCity'],
} as const satisfies Record<string, readonly EnrolmentStatus[] | null>;
export type RosterFilter = keyof typeof ROSTER_FILTERS;
export const ROSTER_FILTER_KEYS = Object.keys(ROSTER_FILTERS) as [RosterFilter, ...RosterFilter[]];

export function inRosterFilter(status: EnrolmentStatus, filter: RosterFilter): boolean {
  const statuses: readonly EnrolmentStatus[] | null = ROSTER_FILTERS[filter];
  return statuses === null || statuses.includes(status);
}
