// @vitest-environment jsdom
/**
 * The check-in desk when nobody is found, mocked only at the typed window.api seam: the desk can
 * add the person with what was typed already in its field, then books them into the session and
 * checks them in; when the session is full the person stays added and the desk says why.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { AttendeeRecord, CheckInBoard, CheckInOutcome, LookupResult, RosterRow, SessionSummary } from '../../../shared/api/channels/lecturesTypes';
import { taipeiDateKey } from '../../../shared/lib/time';
import { initI18n } from '../../../renderer/src/app/i18n';
import { LanguageContext } from '../../../renderer/src/app/language';
import CheckInPage, { CHECKIN_SESSION_KEY, prefillFrom } from '../../../renderer/src/features/lectures/CheckInPage';

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

const session: SessionSummary = {
  id: 7,
  seriesId: null,
  date: taipeiDateKey(new Date()),
  startTime: '09:00',
  endTime: '13:00',
  venueId: null,
  capacity: 30,
  kind: 'weekday',
  hours: 4,
  instructors: '',
  topics: '',
  note: '',
  cancelled: false,
  cancelReason: '',
  booked: 0,
  statusCounts: {},
};
const board: CheckInBoard = { session, counts: { due: 0, checkedIn: 0, onLeave: 0, missing: 0, late: 0 }, lateAfterMinutes: 15, recent: [] };
const nobody: LookupResult = { matchedBy: 'none', rows: [], people: [], capped: false };
const flags = { minor: false, repeatOffender: true, needsInterpreter: false, interpreterLanguage: '' };
const added = { id: 41, name: '黃新來', nationalId: 'E244499990', maskedId: 'E24****990', phone: '', ...flags } as AttendeeRecord;
const row = { enrolmentId: 90, attendeeId: 41, name: '黃新來', late: false, leftEarly: false, ...flags } as RosterRow;

function mount(enrolAndCheckIn: Api['lectures']['enrolAndCheckIn']) {
  const saveAttendee = vi.fn<Api['lectures']['saveAttendee']>(() => ok(added));
  const lookup = vi.fn<Api['lectures']['lookup']>(() => ok(nobody));
  window.api = {
    lectures: {
      listSessions: () => ok([session]),
      checkInBoard: () => ok(board),
      getSettings: () => ok({ lateAfterMinutes: 15 }),
      lookup,
      saveAttendee,
      enrolAndCheckIn,
    },
    reference: { all: () => ok([]) },
  } as unknown as Api;
  sessionStorage.setItem(CHECKIN_SESSION_KEY, String(session.id));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <LanguageContext.Provider value={{ lang: 'zh-TW', setLanguage: async () => undefined }}>
      <QueryClientProvider client={client}>
        <CheckInPage />
      </QueryClientProvider>
    </LanguageContext.Provider>,
  );
  return { saveAttendee, lookup };
}

async function notFound(query: string) {
  await screen.findByTestId('live-counts');
  const field = screen.getByTestId('checkin-search');
  fireEvent.change(field, { target: { value: query } });
  fireEvent.keyDown(field, { key: 'Enter' });
  await waitFor(() => expect(screen.getByTestId('checkin-banner').textContent).toContain(`找不到「${query}」`));
}

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('what was typed, as the field of a new person', () => {
  it('is an ID, a phone number or a name', () => {
    expect(prefillFrom('e244499990')).toEqual({ nationalId: 'E244499990' });
    expect(prefillFrom('0955-777-888')).toEqual({ phone: '0955-777-888' });
    expect(prefillFrom('黃新來')).toEqual({ name: '黃新來' });
    // Too few digits for a phone: more likely part of a name or a note than a number.
    expect(prefillFrom('12')).toEqual({ name: '12' });
  });
});

describe('someone the desk cannot find', () => {
  it('is added with what was typed, then booked into this session and checked in', async () => {
    const enrol = vi.fn<Api['lectures']['enrolAndCheckIn']>(() => ok<CheckInOutcome>({ row, transferredFrom: null, board }));
    const { saveAttendee } = mount(enrol);
    await notFound('黃新來');
    fireEvent.click(screen.getByTestId('checkin-add-person'));
    expect(screen.getByTestId('attendee-intro').textContent).toContain('即排入本場並報到');
    expect(screen.getByLabelText('姓名')).toHaveProperty('value', '黃新來');
    fireEvent.change(screen.getByLabelText('身分證／居留證號'), { target: { value: 'E244499990' } });
    fireEvent.click(screen.getByTestId('attendee-save'));
    await waitFor(() => expect(enrol).toHaveBeenCalledWith({ sessionId: 7, attendeeId: 41 }));
    expect(saveAttendee.mock.calls[0]?.[0]).toMatchObject({ name: '黃新來', nationalId: 'E244499990' });
    await waitFor(() => expect(screen.getByTestId('checkin-banner').textContent).toContain('黃新來 已排入本場並報到'));
    // The desk is told at once what to watch for with this person.
    expect(screen.getByTestId('attention').textContent).toContain('再犯');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stays added when the session is full, and the desk says why', async () => {
    const enrol = vi.fn<Api['lectures']['enrolAndCheckIn']>(() =>
      Promise.resolve({ ok: false, error: { code: 'conflict', messageKey: 'lectures:errors.capacityExceeded', params: { capacity: 30, booked: 30, free: 0 } } }),
    );
    const { saveAttendee } = mount(enrol);
    await notFound('0955-777-888');
    fireEvent.click(screen.getByTestId('checkin-add-person'));
    expect(screen.getByLabelText('電話')).toHaveProperty('value', '0955-777-888');
    fireEvent.click(screen.getByTestId('attendee-save'));
    await waitFor(() => expect(screen.getByTestId('checkin-error').textContent).toMatch(/30/));
    expect(saveAttendee).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is not offered for a notice code that matches nothing', async () => {
    mount(vi.fn());
    await notFound('LC-ABCD1234');
    expect(screen.queryByTestId('checkin-add-person')).toBeNull();
  });
});
