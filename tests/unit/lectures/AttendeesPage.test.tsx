// @vitest-environment jsdom
/**
 * The attendees page, mocked only at the typed window.api seam: a name typed letter by letter
 * is searched once (each search is an audited read of people's records), and a list cut at its
 * limit says so instead of looking complete.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { AttendeeSummary } from '../../../shared/api/channels/lecturesTypes';
import { initI18n } from '../../../renderer/src/app/i18n';
import { LanguageContext } from '../../../renderer/src/app/language';
import AttendeesPage from '../../../renderer/src/features/lectures/AttendeesPage';

type Search = Api['lectures']['searchAttendees'];

const person = (id: number): AttendeeSummary =>
  ({
    id,
    name: `受講人${id}號`,
    maskedId: 'A12****789',
    phone: '0912-000-000',
    drugClass: '3',
    penaltyDocNo: '',
    repeatOffender: false,
    needsInterpreter: false,
    interpreterLanguage: null,
    disability: false,
    current: null,
  }) as unknown as AttendeeSummary;

function mount(search: Search) {
  window.api = { lectures: { searchAttendees: search } } as unknown as Api;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <LanguageContext.Provider value={{ lang: 'zh-TW', setLanguage: async () => undefined }}>
      <QueryClientProvider client={client}>
        <AttendeesPage />
      </QueryClientProvider>
    </LanguageContext.Provider>,
  );
}

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('<AttendeesPage>', () => {
  it('searches once for a name typed letter by letter', async () => {
    const search = vi.fn<Search>(async () => ({ ok: true, value: [person(1)] }) as Result<AttendeeSummary[]>);
    mount(search);
    await waitFor(() => expect(search).toHaveBeenCalledWith({ query: '', limit: 200 }));
    const box = screen.getByLabelText('搜尋姓名、身分證號、電話或通知書代碼');
    for (const typed of ['王', '王小', '王小明']) fireEvent.change(box, { target: { value: typed } });
    await waitFor(() => expect(search).toHaveBeenCalledWith({ query: '王小明', limit: 200 }));
    expect(search.mock.calls.map(([input]) => input.query)).toEqual(['', '王小明']);
    expect(screen.queryByTestId('attendees-capped')).toBeNull();
  });

  it('says the list is cut when the search reaches its limit', async () => {
    const search = vi.fn<Search>(async () => ({ ok: true, value: Array.from({ length: 200 }, (_, i) => person(i + 1)) }) as Result<AttendeeSummary[]>);
    mount(search);
    expect((await screen.findByTestId('attendees-capped')).textContent).toBe('只列出前 200 筆，請輸入更多字縮小範圍');
    expect(screen.getAllByTestId('attendee-row')).toHaveLength(200);
  });
});
