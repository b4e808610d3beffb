import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../../../shared/domain/roles';

export interface RouteDef {
  key: string;
  labelKey: string;
  roles: readonly Role[];
  icon: 'phone' | 'school' | 'desk' | 'dashboard' | 'people' | 'list';
  page: LazyExoticComponent<ComponentType>;
}

// Pages load lazily so the first paint carries only the shell (issue #8: initial JS budget).
export const ROUTES: readonly RouteDef[] = [
  { key: 'hotline', labelKey: 'nav.hotline', roles: ['operator'], icon: 'phone', page: lazy(() => import('../features/home/HotlineHome')) },
  { key: 'lectures', labelKey: 'nav.lectures', roles: ['coordinator'], icon: 'school', page: lazy(() => import('../features/home/LecturesHome')) },
  { key: 'counter', labelKey: 'nav.counter', roles: ['counter'], icon: 'desk', page: lazy(() => import('../features/home/CounterHome')) },
  { key: 'admin', labelKey: 'nav.admin', roles: ['supervisor'], icon: 'dashboard', page: lazy(() => import('../features/admin/AdminHome')) },
  { key: 'accounts', labelKey: 'nav.accounts', roles: ['supervisor'], icon: 'people', page: lazy(() => import('../features/admin/AccountsPage')) },
  { key: 'reference', labelKey: 'nav.reference', roles: ['supervisor'], icon: 'list', page: lazy(() => import('../features/reference/ReferencePage')) },
];

export function routesFor(roles: readonly Role[]): RouteDef[] {
  return ROUTES.filter((r) => r.roles.some((role) => roles.includes(role)));
}
