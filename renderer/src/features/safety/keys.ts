/** react-query keys of the safety feature, in one place so pages invalidate each other's data. */
export const SAFETY_KEYS = {
  startup: ['safety', 'startup'] as const,
  status: ['safety', 'status'] as const,
  settings: ['safety', 'settings'] as const,
  backups: ['safety', 'backups'] as const,
  auditFacets: ['safety', 'auditFacets'] as const,
  audit: ['safety', 'audit'] as const,
};
