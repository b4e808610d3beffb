import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a channel. Checked in the main process on every call, not only by
 * hiding buttons: 'public' needs no session, 'signedIn' any account, a role list
 * any of those roles.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface ChannelDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: Access;
  /** phantom: carries the output type, never set at run time */
  readonly __output?: O;
}

/** `channel<Output>()(inputSchema, access)` — curried so the output type is explicit and the input inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest channel, used only as a constraint
export type AnyChannel = ChannelDef<z.ZodType, any>;
export type ChannelMap = Record<`${string}:${string}`, AnyChannel>;
