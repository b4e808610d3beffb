import type { lecturesChannels } from '../../../shared/api/channels/lectures';
import type { HandlersFor } from '../handlers';
import * as sessions from './sessions';
import * as attendees from './attendees';
import * as rosterImport from './rosterImport';
import * as enrolments from './enrolments';
import * as checkin from './checkin';
import * as counselling from './counselling';
import { monthFigures } from './figures';

export const lecturesHandlers: HandlersFor<typeof lecturesChannels> = {
  'lectures:listSessions': (ctx, input) => sessions.list(ctx, input),
  'lectures:getSession': (ctx, input) => sessions.open(ctx, input.id),
  'lectures:createSession': (ctx, input) => sessions.create(ctx, input),
  'lectures:createSeries': (ctx, input) => sessions.createSeries(ctx, input),
  'lectures:updateSession': (ctx, input) => sessions.update(ctx, input),
  'lectures:cancelSession': (ctx, input) => sessions.cancel(ctx, input),

  'lectures:searchAttendees': (ctx, input) => attendees.searchAudited(ctx, input),
  'lectures:getAttendee': (ctx, input) => attendees.get(ctx, input.id),
  'lectures:saveAttendee': (ctx, input) => attendees.save(ctx, input),
  'lectures:previewImport': (ctx, input) => rosterImport.preview(ctx, input),
  'lectures:confirmImport': (ctx, input) => rosterImport.confirm(ctx, input),

  'lectures:enrol': (ctx, input) => enrolments.enrol(ctx, input),
  'lectures:markNotified': (ctx, input) => enrolments.markNotified(ctx, input),
  'lectures:requestLeave': (ctx, input) => enrolments.requestLeave(ctx, input),
  'lectures:setLeaveDocument': (ctx, input) => enrolments.setLeaveDocument(ctx, input),
  'lectures:decideLeave': (ctx, input) => enrolments.decideLeave(ctx, input),
  'lectures:transferSession': (ctx, input) => enrolments.transferSession(ctx, input),
  'lectures:transferCity': (ctx, input) => enrolments.transferCity(ctx, input),
  'lectures:markNoShows': (ctx, input) => enrolments.markNoShows(ctx, input),
  'lectures:renotify': (ctx, input) => enrolments.renotify(ctx, input),
  'lectures:returnToAgency': (ctx, input) => enrolments.returnToAgency(ctx, input),
  'lectures:complete': (ctx, input) => enrolments.complete(ctx, input),

  'lectures:checkInBoard': (ctx, input) => checkin.board(ctx, input.sessionId),
  'lectures:lookup': (ctx, input) => checkin.lookup(ctx, input),
  'lectures:checkIn': (ctx, input) => checkin.checkIn(ctx, input),
  'lectures:enrolAndCheckIn': (ctx, input) => checkin.enrolAndCheckIn(ctx, input),
  'lectures:undoCheckIn': (ctx, input) => checkin.undoCheckIn(ctx, input),
  'lectures:signOut': (ctx, input) => checkin.signOut(ctx, input),

  'lectures:logConsultation': (ctx, input) => counselling.log(ctx, input),
  'lectures:figures': (ctx, input) => monthFigures(ctx, input.month),
  'lectures:getSettings': (ctx) => checkin.getSettings(ctx),
  'lectures:saveSettings': (ctx, input) => checkin.saveSettings(ctx, input),
};
