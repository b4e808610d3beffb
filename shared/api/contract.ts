import type { z } from 'zod';
import type { ChannelDef } from './define';
import type { Result } from './result';
import type { Subscribe } from './events';
import { accountChannels, authChannels } from './channels/auth';
import { prefsChannels } from './channels/prefs';
import { printChannels } from './channels/print';
import { referenceChannels } from './channels/reference';
import { hotlineChannels } from './channels/hotline';
import { lecturesChannels } from './channels/lectures';
import { counterChannels } from './channels/counter';
import { statsChannels } from './channels/stats';
import { exportChannels } from './channels/export';
import { safetyChannels } from './channels/safety';

/**
 * The whole API between renderer and main, in one object. The preload exposes it as
 * `window.api`, main registers the same names, the dispatch table implements them:
 * a channel missing on either side is a type error. Add a domain by spreading its map here.
 */
export const contract = {
  ...authChannels,
  ...accountChannels,
  ...referenceChannels,
  ...prefsChannels,
  ...printChannels,
  ...hotlineChannels,
  ...lecturesChannels,
  ...counterChannels,
  ...statsChannels,
  ...exportChannels,
  ...safetyChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<ChannelName>;

/** What the renderer sees: `window.api.auth.signIn(input)` → `Promise<Result<…>>`. */
export type Api = {
  [D in Domain]: {
    [C in ChannelName as C extends `${D}:${infer M}` ? M : never]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
  };
} & {
  /** listen to a signal from main (shared/api/events.ts); returns the unsubscribe function */
  on: Subscribe;
};

export type Invoke = (channel: ChannelName, payload: unknown) => Promise<unknown>;

/** Builds the nested `window.api` object over any transport (IPC in the app, a binding in tests). */
export function buildApi(invoke: Invoke, subscribe: Subscribe, names: readonly string[] = CHANNEL_NAMES): Api {
  const api: Record<string, unknown> = { on: subscribe };
  for (const name of names) {
    const [domain, method] = name.split(':') as [string, string];
    const methods = (api[domain] ??= {}) as Record<string, (input: unknown) => Promise<unknown>>;
    methods[method] = (input: unknown) => invoke(name as ChannelName, input ?? {});
  }
  return api as unknown as Api;
}
