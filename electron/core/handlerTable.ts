import type { HandlerTable } from './handlers';
import { authHandlers, accountHandlers } from './auth/handlers';
import { referenceHandlers } from './reference/handlers';
import { prefsHandlers } from './prefs/handlers';
import { printHandlers } from './print/handlers';
import { hotlineHandlers } from './hotline/handlers';
import { lecturesHandlers } from './lectures/handlers';
import { counterHandlers } from './counter/handlers';
import { statsHandlers } from './stats/handlers';
import { exportHandlers } from './export/handlers';
import { safetyHandlers } from './safety/handlers';

/** Every channel of shared/api/contract.ts mapped to its handler; `satisfies` makes drift a type error. */
export const handlers = {
  ...authHandlers,
  ...accountHandlers,
  ...referenceHandlers,
  ...prefsHandlers,
  ...printHandlers,
  ...hotlineHandlers,
  ...lecturesHandlers,
  ...counterHandlers,
  ...statsHandlers,
  ...exportHandlers,
  ...safetyHandlers,
} satisfies HandlerTable;
