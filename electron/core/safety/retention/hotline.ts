import type { Anonymiser } from './index';

export const hotlineCallsAnonymiser: Anonymiser = {
  kind: 'hotlineCalls',
  tables: [],
  run: () => 0,
};
