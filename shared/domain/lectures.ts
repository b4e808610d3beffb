/**
 * Lecture enrolment vocabulary shared by main, renderer and print (issue 4).
 * Labels: 'lectures:status.<code>' in both languages.
 */
export const ENROLMENT_STATUSES = [
  'scheduled',
  'notified',
  'leaveRequested',
  'toReschedule',
  'checkedIn',
  'completed',
  'transferredSession',
  'transferredCity',
  'noShow',
  'renotified',
  'returned',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
