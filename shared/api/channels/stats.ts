import { z } from 'zod';
import type { ReportTable, Text } from '../../domain/reportTable';
import { periodSchema, type Period } from '../../domain/statsPeriod';
import type { Role } from '../../domain/roles';
import { channel } from '../define';

const SUPERVISOR: readonly Role[] = ['supervisor'];

/** The statistics screen's parts; each is computed on its own so one slow or failing part never blanks the others. */
export const STATS_SECTIONS = ['hotline', 'lectures', 'counter', 'trends'] as const;
export type StatsSection = (typeof STATS_SECTIONS)[number];

export interface StatsSectionResult {
  section: StatsSection;
  period: Period;
  /** Taipei days covered, 'YYYY-MM-DD' inclusive */
  from: string;
  to: string;
  /** the figures in sentences, as the bureau writes them in its reports (seed 004 §(四)) */
  summary: Text[];
  tables: ReportTable[];
}

export const statsSectionInput = z
  .object({
    period: periodSchema,
    section: z.enum(STATS_SECTIONS, { error: 'validation.invalidChoice' }),
  })
  .strict();

export const statsChannels = {
  'stats:section': channel<StatsSectionResult>()(statsSectionInput, SUPERVISOR),
} as const;
