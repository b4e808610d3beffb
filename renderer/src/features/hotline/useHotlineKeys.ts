import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useNav } from '../../app/nav';
import { useSession } from '../../app/session';
import { requestStartCall, useWindowKeys } from './shortcuts';

/**
 * The keys every hotline page shares: F2 (and main's global shortcut) takes an operator to
 * the desk with a new call started, F1 opens the help. `extra` handles the page's own keys.
 */
export function useHotlineKeys(extra: (e: KeyboardEvent) => boolean = () => false) {
  const { go } = useNav();
  const { account } = useSession();
  const [help, setHelp] = useState(false);
  const isOperator = account?.roles.includes('operator') ?? false;
  useEffect(() => {
    if (!isOperator) return undefined;
    return api().on('hotline:startCall', () => {
      requestStartCall();
      go('hotline');
    });
  }, [go, isOperator]);
  useWindowKeys((e) => {
    if (e.key === 'F2' && isOperator) {
      requestStartCall();
      go('hotline');
      return true;
    }
    if (e.key === 'F1') {
      setHelp(true);
      return true;
    }
    return extra(e);
  });
  return { help, closeHelp: () => setHelp(false) };
}
