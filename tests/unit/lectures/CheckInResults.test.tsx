// @vitest-environment jsdom
/**
 * The check-in desk's list of matches: a list that stopped at its limit says so (the person
 * looked for may be the 21st), a complete one does not.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { LookupResult, LookupRow } from '../../../shared/api/channels/lecturesTypes';
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

function show(result: LookupResult) {
  return render(
    <LanguageContext.Provider value={{ lang: 'zh-TW', setLanguage: async () => undefined }}>
      <QueryClientProvider client={new QueryClient()}>
        <CheckInResults result={result} active={0} mode="in" onPick={vi.fn()} onAct={vi.fn()} />
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
    show({ matchedBy: 'name', rows: Array.from({ length: 20 }, (_, i) => row(i + 1)), capped: true });
    expect(screen.getAllByTestId('checkin-result')).toHaveLength(20);
    expect(screen.getByTestId('checkin-capped').textContent).toBe('只列出前 20 位，請再多輸入姓名，或改用身分證字號、電話查詢');
  });

  it('says nothing more when every match is listed', () => {
    show({ matchedBy: 'name', rows: [row(1), row(2)], capped: false });
    expect(screen.getAllByTestId('checkin-result')).toHaveLength(2);
    expect(screen.queryByTestId('checkin-capped')).toBeNull();
  });
});
