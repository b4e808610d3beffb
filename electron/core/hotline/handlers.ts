import type { hotlineChannels } from '../../../shared/api/channels/hotline';
import type { HandlersFor } from '../handlers';
import * as calls from './callService';
import * as drafts from './draftService';
import * as handover from './handoverService';
import * as search from './searchService';
import * as workflow from './workflowService';

export const hotlineHandlers: HandlersFor<typeof hotlineChannels> = {
  'hotline:overview': (ctx) => search.overview(ctx),
  'hotline:staff': (ctx) => search.staff(ctx),
  'hotline:settings': (ctx) => search.settings(ctx),
  'hotline:setSettings': (ctx, input) => search.updateSettings(ctx, input),

  'hotline:drafts': (ctx) => drafts.drafts(ctx),
  'hotline:startDraft': (ctx, input) => drafts.startDraft(ctx, input),
  'hotline:saveDraft': (ctx, input) => drafts.saveDraft(ctx, input),
  'hotline:discardDraft': (ctx, input) => drafts.discardDraft(ctx, input),

  'hotline:saveCall': (ctx, input) => calls.saveCall(ctx, input),
  'hotline:quickCall': (ctx, input) => calls.quickCall(ctx, input),
  'hotline:getCall': (ctx, input) => calls.getCall(ctx, input.id),
  'hotline:updateCall': (ctx, input) => calls.updateCall(ctx, input),
  'hotline:callHistory': (ctx, input) => calls.callHistory(ctx, input.id),
  'hotline:searchCalls': (ctx, input) => search.searchCalls(ctx, input),
  'hotline:repeatCallers': (ctx, input) => search.repeatCallers(ctx, input),

  'hotline:addReferral': (ctx, input) => workflow.addReferral(ctx, input),
  'hotline:setReferralStatus': (ctx, input) => workflow.setReferralStatus(ctx, input),
  'hotline:referrals': (ctx, input) => workflow.referrals(ctx, input),
  'hotline:addFollowUp': (ctx, input) => workflow.addFollowUp(ctx, input),
  'hotline:completeFollowUps': (ctx, input) => workflow.completeFollowUps(ctx, input),
  'hotline:followUps': (ctx, input) => workflow.followUps(ctx, input),

  'hotline:handoverPreview': (ctx, input) => handover.preview(ctx, input),
  'hotline:saveHandover': (ctx, input) => handover.saveHandover(ctx, input),
  'hotline:pendingHandover': (ctx) => handover.pendingHandover(ctx),
  'hotline:acknowledgeHandover': (ctx, input) => handover.acknowledgeHandover(ctx, input),
  'hotline:handovers': (ctx) => handover.handovers(ctx),
};
