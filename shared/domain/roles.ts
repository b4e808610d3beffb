export const ROLES = ['operator', 'counter', 'coordinator', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** The home each role lands on after sign-in; the first role in this order wins. */
export const ROLE_HOME: Record<Role, string> = {
  operator: 'hotline',
  coordinator: 'lectures',
  counter: 'counter',
  supervisor: 'admin',
};

export const ROLE_PRIORITY: readonly Role[] = ['operator', 'coordinator', 'counter', 'supervisor'];

export function homeFor(roles: readonly Role[]): string {
  const first = ROLE_PRIORITY.find((r) => roles.includes(r));
  return first ? ROLE_HOME[first] : 'home';
}
