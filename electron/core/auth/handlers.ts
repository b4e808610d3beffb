import type { accountChannels, authChannels } from '../../../shared/api/channels/auth';
import type { HandlersFor } from '../handlers';
import * as auth from './service';
import * as accounts from '../accounts/service';

export const authHandlers: HandlersFor<typeof authChannels> = {
  'auth:status': (ctx) => auth.status(ctx),
  'auth:setupSupervisor': (ctx, input) => auth.setupSupervisor(ctx, input),
  'auth:signIn': (ctx, input) => auth.signIn(ctx, input),
  'auth:signOut': (ctx) => auth.signOut(ctx),
  'auth:changePassword': (ctx, input) => auth.changePassword(ctx, input),
};

export const accountHandlers: HandlersFor<typeof accountChannels> = {
  'accounts:list': (ctx) => accounts.list(ctx),
  'accounts:create': (ctx, input) => accounts.create(ctx, input),
  'accounts:update': (ctx, input) => accounts.update(ctx, input),
  'accounts:setDisabled': (ctx, input) => accounts.setDisabled(ctx, input),
  'accounts:resetPassword': (ctx, input) => accounts.resetPassword(ctx, input),
};
