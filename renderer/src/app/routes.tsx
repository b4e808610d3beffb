import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../../../shared/domain/roles';

export const SECTIONS = ['hotline', 'lectures', 'counter', 'admin'] as const;
export type Section = (typeof SECTIONS)[number];

export interface RouteDef {
  key: string;
  /** the navigation groups pages by job, for accounts that do more than one */
  section: Section;
  labelKey: string;
  roles: readonly Role[];
  icon: 'phone' | 'school' | 'desk' | 'dashboard' | 'people' | 'list' | 'inquiry' | 'visits' | 'faq' | 'topics' | 'checkIn' | 'roster' | 'figures' | 'callLog' | 'followUps' | 'handover' | 'audit' | 'shield';
  page: LazyExoticComponent<ComponentType>;
}

// Pages load lazily so the first paint carries only the shell (issue #8: initial JS budget).
export const ROUTES: readonly RouteDef[] = [
  { key: 'hotline', section: 'hotline', labelKey: 'nav.hotline', roles: ['operator'], icon: 'phone', page: lazy(() => import('../features/hotline/DeskPage')) },
  { key: 'lectures', section: 'lectures', labelKey: 'lectures:nav.sessions', roles: ['coordinator'], icon: 'school', page: lazy(() => import('../features/lectures/SessionsPage')) },
  { key: 'lecture-checkin', section: 'lectures', labelKey: 'lectures:nav.checkIn', roles: ['coordinator'], icon: 'checkIn', page: lazy(() => import('../features/lectures/CheckInPage')) },
  { key: 'lecture-attendees', section: 'lectures', labelKey: 'lectures:nav.attendees', roles: ['coordinator'], icon: 'roster', page: lazy(() => import('../features/lectures/AttendeesPage')) },
  { key: 'lecture-figures', section: 'lectures', labelKey: 'lectures:nav.figures', roles: ['coordinator'], icon: 'figures', page: lazy(() => import('../features/lectures/FiguresPage')) },
  { key: 'counter', section: 'counter', labelKey: 'nav.counter', roles: ['counter'], icon: 'desk', page: lazy(() => import('../features/counter/DeskPage')) },
  { key: 'counterInquiry', section: 'counter', labelKey: 'counter:nav.inquiry', roles: ['counter'], icon: 'inquiry', page: lazy(() => import('../features/counter/InquiryPage')) },
  { key: 'admin', section: 'admin', labelKey: 'nav.admin', roles: ['supervisor'], icon: 'dashboard', page: lazy(() => import('../features/admin/AdminHome')) },
  { key: 'stats', section: 'admin', labelKey: 'stats:nav', roles: ['supervisor'], icon: 'figures', page: lazy(() => import('../features/stats/StatsPage')) },
  { key: 'accounts', section: 'admin', labelKey: 'nav.accounts', roles: ['supervisor'], icon: 'people', page: lazy(() => import('../features/admin/AccountsPage')) },
  { key: 'reference', section: 'admin', labelKey: 'nav.reference', roles: ['supervisor'], icon: 'list', page: lazy(() => import('../features/reference/ReferencePage')) },
  { key: 'audit', section: 'admin', labelKey: 'safety:nav.audit', roles: ['supervisor'], icon: 'audit', page: lazy(() => import('../features/safety/AuditLogPage')) },
  { key: 'data-safety', section: 'admin', labelKey: 'safety:nav.dataSafety', roles: ['supervisor'], icon: 'shield', page: lazy(() => import('../features/safety/DataSafetyPage')) },
  // Hotline pages operators work in and supervisors read (issue 3); last, so a supervisor's own pages come first.
  { key: 'hotline-calls', section: 'hotline', labelKey: 'hotline:nav.calls', roles: ['operator', 'supervisor'], icon: 'callLog', page: lazy(() => import('../features/hotline/CallsPage')) },
  { key: 'hotline-followups', section: 'hotline', labelKey: 'hotline:nav.followUps', roles: ['operator', 'supervisor'], icon: 'followUps', page: lazy(() => import('../features/hotline/WorkflowPage')) },
  { key: 'hotline-handover', section: 'hotline', labelKey: 'hotline:nav.handover', roles: ['operator', 'supervisor'], icon: 'handover', page: lazy(() => import('../features/hotline/HandoverPage')) },
  { key: 'counterVisits', section: 'counter', labelKey: 'counter:nav.visits', roles: ['counter', 'supervisor'], icon: 'visits', page: lazy(() => import('../features/counter/VisitsPage')) },
  { key: 'counterFaq', section: 'counter', labelKey: 'counter:nav.faq', roles: ['counter', 'supervisor'], icon: 'faq', page: lazy(() => import('../features/counter/FaqPage')) },
  { key: 'counterTopics', section: 'counter', labelKey: 'counter:nav.topics', roles: ['supervisor'], icon: 'topics', page: lazy(() => import('../features/counter/TopicsAdminPage')) },
];

/**
 * Pages that need no session because nobody signs into their window: the visitor-facing
 * screen (app://desk/#/visitor), which only reads the published topic on show.
 */
export const PUBLIC_PAGES: Readonly<Record<string, LazyExoticComponent<ComponentType>>> = {
  visitor: lazy(() => import('../features/counter/VisitorView')),
};

export function publicPageFor(hash: string): LazyExoticComponent<ComponentType> | null {
  const key = hash.replace(/^#\/?/, '');
  return Object.hasOwn(PUBLIC_PAGES, key) ? (PUBLIC_PAGES[key] ?? null) : null;
}

export function routesFor(roles: readonly Role[]): RouteDef[] {
  return ROUTES.filter((r) => r.roles.some((role) => roles.includes(role)));
}
