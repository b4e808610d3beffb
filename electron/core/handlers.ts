import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { HandlerContext } from './context';

export type Handler<C extends ChannelName> = (ctx: HandlerContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** One handler per channel of the contract; a missing or extra one is a type error. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };

export type HandlersFor<M> = { [C in keyof M & ChannelName]: Handler<C> };
