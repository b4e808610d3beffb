import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`: a search typed letter by letter asks once,
 * not once per letter (each search of people is also an entry in the audit trail).
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return settled;
}
