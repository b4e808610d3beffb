import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../../shared/api/result';
import type { CallDetail, Direction, DraftPayload } from '../../../../shared/domain/hotline';
import { api, unwrap, apiErrorOf } from '../../app/api';
import { useLanguage } from '../../app/language';
import { localizeStart, problemsOf, stampEnd, toSaveInput, type FormProblem } from './formConvert';
import { HOTLINE_KEY } from './queries';

/** Typing pauses this long before the draft goes to main: well inside "saved within a second". */
export const AUTOSAVE_DELAY_MS = 400;
const ACTIVE_KEY = 'hotline.activeDraft';

export interface DeskDraft {
  id: number;
  startedAt: string;
  payload: DraftPayload;
  save: { state: 'saved' | 'pending' | 'saving' | 'error'; at: string | null; error: ApiError | null };
  /** why the last attempt to save it as a call was refused */
  problems: FormProblem[];
}

/** A draft the operator has not typed into yet may become a non-service call. */
export function untouched(p: DraftPayload): boolean {
  return (
    p.notes.trim() === '' && p.phone.trim() === '' && p.callerTypeId === null && p.serviceItemIds.length === 0 && p.flags.length === 0 &&
    p.referrals.length === 0 && p.followUps.length === 0 && p.gender === null && p.ageGroupId === null && p.districtId === null
  );
}

/**
 * The open calls of the signed-in operator. The renderer's copy is what the operator sees;
 * every change is sent to main (debounced), one save at a time per draft, so a reload, a
 * crash or a restart finds exactly what was typed.
 */
export function useDraftDesk() {
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<DeskDraft[] | null>(null);
  const [activeId, setActiveIdState] = useState<number | null>(() => Number(sessionStorage.getItem(ACTIVE_KEY)) || null);
  const payloads = useRef(new Map<number, DraftPayload>());
  const timers = useRef(new Map<number, number>());
  const chains = useRef(new Map<number, Promise<void>>());
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  // Survives a reload of the window, so the operator is back on the line they were typing.
  useEffect(() => {
    if (activeId === null) sessionStorage.removeItem(ACTIVE_KEY);
    else sessionStorage.setItem(ACTIVE_KEY, String(activeId));
  }, [activeId]);
  const setActiveId = setActiveIdState;

  const patch = useCallback((id: number, change: Partial<DeskDraft>) => {
    setDrafts((list) => list?.map((d) => (d.id === id ? { ...d, ...change } : d)) ?? list);
  }, []);

  useEffect(() => {
    unwrap(api().hotline.drafts({}))
      .then((list) => {
        for (const d of list) payloads.current.set(d.id, d.payload);
        setDrafts(list.map((d) => ({ id: d.id, startedAt: d.startedAt, payload: d.payload, save: { state: 'saved', at: d.updatedAt, error: null }, problems: [] })));
        setActiveIdState((current) => (list.some((d) => d.id === current) ? current : (list[0]?.id ?? null)));
      })
      .catch((e: unknown) => setLoadError(apiErrorOf(e)));
  }, []);

  const flush = useCallback(
    (id: number): Promise<void> => {
      window.clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      const run = async () => {
        const payload = payloads.current.get(id);
        if (!payload) return;
        patch(id, { save: { state: 'saving', at: null, error: null } });
        const r = await api().hotline.saveDraft({ id, payload });
        // A newer change may be waiting already; it will report its own state.
        if (payloads.current.get(id) !== payload && timers.current.has(id)) return;
        if (r.ok) patch(id, { save: { state: 'saved', at: r.value.updatedAt, error: null } });
        else patch(id, { save: { state: 'error', at: null, error: r.error } });
      };
      const next = (chains.current.get(id) ?? Promise.resolve()).then(run, run);
      chains.current.set(id, next);
      return next;
    },
    [patch],
  );

  // A reload or close within the debounce delay: send what is waiting right away.
  useEffect(() => {
    const onHide = () => {
      for (const id of [...timers.current.keys()]) void flush(id);
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  const update = useCallback(
    (id: number, change: (p: DraftPayload) => DraftPayload) => {
      const current = payloads.current.get(id);
      if (!current) return;
      const next = change(current);
      payloads.current.set(id, next);
      patch(id, { payload: next, save: { state: 'pending', at: null, error: null } });
      window.clearTimeout(timers.current.get(id));
      timers.current.set(id, window.setTimeout(() => void flush(id), AUTOSAVE_DELAY_MS));
    },
    [flush, patch],
  );

  const forget = useCallback((id: number) => {
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    payloads.current.delete(id);
    chains.current.delete(id);
    setDrafts((list) => list?.filter((d) => d.id !== id) ?? list);
    setActiveIdState((current) => (current === id ? null : current));
  }, []);

  const start = useCallback(
    async (direction: Direction) => {
      const draft = await unwrap(api().hotline.startDraft({ direction }));
      const payload = localizeStart(draft.payload, lang);
      payloads.current.set(draft.id, draft.payload);
      setDrafts((list) => [...(list ?? []), { id: draft.id, startedAt: draft.startedAt, payload: draft.payload, save: { state: 'saved', at: draft.updatedAt, error: null }, problems: [] }]);
      setActiveId(draft.id);
      update(draft.id, () => payload);
      return draft.id;
    },
    [lang, setActiveId, update],
  );

  const endCall = useCallback((id: number) => update(id, (p) => (p.endTime.trim() ? p : stampEnd(p, new Date(), lang))), [lang, update]);

  /** Saves the draft as a call; on refusal the draft stays, with the reasons at its fields. */
  const saveCall = useCallback(
    async (id: number): Promise<CallDetail | null> => {
      const payload = payloads.current.get(id);
      if (!payload) return null;
      const converted = toSaveInput(payload, new Date());
      if (!converted.ok) {
        patch(id, { problems: converted.problems });
        return null;
      }
      // Let a pending autosave land first, or it would arrive after the draft is gone.
      await flush(id);
      const r = await api().hotline.saveCall({ draftId: id, ...converted.value });
      if (!r.ok) {
        patch(id, { problems: problemsOf(r.error) });
        return null;
      }
      forget(id);
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
      return r.value;
    },
    [flush, forget, patch, queryClient],
  );

  const discard = useCallback(
    async (id: number) => {
      window.clearTimeout(timers.current.get(id));
      await chains.current.get(id);
      await unwrap(api().hotline.discardDraft({ id }));
      forget(id);
    },
    [forget],
  );

  const active = drafts?.find((d) => d.id === activeId) ?? drafts?.[0] ?? null;
  const activeDraftId = active?.id ?? null;

  /** Alt+digit: an untouched open call becomes the non-service record, otherwise a new one is logged. */
  const quickCall = useCallback(
    async (typeId: number): Promise<CallDetail> => {
      const payload = activeDraftId !== null ? payloads.current.get(activeDraftId) : undefined;
      const draftId = payload && untouched(payload) ? activeDraftId : null;
      if (draftId !== null) {
        window.clearTimeout(timers.current.get(draftId));
        await chains.current.get(draftId);
      }
      const detail = await unwrap(api().hotline.quickCall({ typeId, draftId }));
      if (draftId !== null) forget(draftId);
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
      return detail;
    },
    [activeDraftId, forget, queryClient],
  );

  return { drafts, active, setActiveId, loadError, start, update, endCall, saveCall, discard, quickCall };
}
