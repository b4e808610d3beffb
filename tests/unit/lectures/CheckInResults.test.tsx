// @vitest-environment jsdom
/**
 * The check-in desk's list of matches: a list that stopped at its limit says so (the person
 * looked for may be the 21st), a complete one does not.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { LookupResult, LookupRow, WalkInPerson } from '../../../shared/api/channels/lecturesTypes';
import { initI18n } from '../../../renderer/src/app/i18n';
import { LanguageContext } from '../../../renderer/src/app/language';
import { CheckInResults } from '../../../renderer/src/features/lectures/CheckInParts';

const row = (n: number): LookupRow => ({
  enrolmentId: n,
  attendeeId: n,
  name: `林美玲${n}`,
  maskedId: 'A12****789',
  phone: '0912-000-000',
  sessionId: 1,
  sessionDate: '2025-03-05',
  startTime: '09:00',
  status: 'notified',
  checkedInAt: null,
  late: false,
  minor: false,
  repeatOffender: false,
  needsInterpreter: false,
  interpreterLanguage: '',
  action: 'checkIn',
});

const walker = (n: number, over: Partial<WalkInPerson> = {}): WalkInPerson => ({
  attendeeId: 100 + n,
  name: `陳志明${n}`,
  maskedId: 'E12****456',
  phone: '0933-000-000',
  minor: false,
  repeatOffender: false,
  needsInterpreter: false,
  interpreterLanguage: '',
  last: null,
  action: 'enrolIn',
  ...over,
});

function show(result: LookupResult, onAct = vi.fn()) {
  return render(
    <LanguageContext.Provider value={{ lang: 'zh-TW', setLanguage: async () => undefined }}>
      <QueryClientProvider client={new QueryClient()}>
        <CheckInResults result={result} active={0} mode="in" onPick={vi.fn()} onAct={onAct} />
      </QueryClientProvider>
    </LanguageContext.Provider>,
  );
}

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<CheckInResults>', () => {
  it('says the list stopped at its limit and how to narrow it', () => {
    show({ matchedBy: 'name', rows: Array.from({ length: 20 }, (_, i) => row(i + 1)), people: [], capped: true });
    expect(screen.getAllByTestId('checkin-result')).toHaveLength(20);
    expect(screen.getByTestId('checkin-capped').textContent).toBe('只列出前 20 位，請再多輸入姓名，或改用身分證字號、電話查詢');
  });

  it('says nothing more when every match is listed', () => {
    show({ matchedBy: 'name', rows: [row(1), row(2)], people: [], capped: false });
    expect(screen.getAllByTestId('checkin-result')).toHaveLength(2);
    expect(screen.queryByTestId('checkin-capped')).toBeNull();
  });

  it('when no enrolment matches, lists the people found as on no list, with their last enrolment and what Enter does', () => {
    const onAct = vi.fn();
    const moved = walker(1, { last: { status: 'transferredCity', sessionDate: '2025-02-12' } });
    const elsewhere = walker(2, { action: 'none', last: { status: 'checkedIn', sessionDate: '2025-03-05' } });
    show({ matchedBy: 'name', rows: [], people: [moved, walker(3), elsewhere], capped: false }, onAct);
    expect(screen.getByTestId('checkin-not-on-list').textContent).toBe('這些人不在任何場次的名單上');
    const entries = screen.getAllByTestId('checkin-result');
    expect(entries.map((e) => e.getAttribute('data-action'))).toEqual(['enrolIn', 'enrolIn', 'none']);
    expect(entries[0]!.textContent).toContain('上次：');
    expect(entries[0]!.textContent).toContain('移轉');
    expect(entries[0]!.textContent).toContain('Enter 排入本場並報到');
    expect(entries[1]!.textContent).toContain('從未排過場次');
    expect(entries[2]!.textContent).toContain('已有其他場次的報名');
    fireEvent.click(entries[0]!);
    expect(onAct).toHaveBeenCalledWith(moved);
    expect(screen.queryByText('沒有符合的人')).toBeNull();
  });

  it('says no match only when neither an enrolment nor a person matches', () => {
    show({ matchedBy: 'name', rows: [], people: [], capped: false });
    expect(screen.getByText('沒有符合的人')).toBeTruthy();
    expect(screen.queryByTestId('checkin-not-on-list')).toBeNull();
  });
});
