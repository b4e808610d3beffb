import type { ExportSpec } from './spec';
import { statsExports } from '../stats/exports';
import { accountsExports } from './accountsExport';
import { hotlineExports } from '../hotline/exports';
import { lecturesExports } from '../lectures/exports';
import { counterExports } from '../counter/exports';

/**
 * Every export of the app, by kind. A feature adds its list exports here the way it adds
 * documents to print/registry.ts, e.g. `...hotlineExports` with 'hotline.calls' taking the
 * call list's filter; the renderer's <ExportButton kind="hotline.calls" params={filter}/>
 * then offers XLSX and CSV of exactly what the screen shows.
 */
export const EXPORTS: Record<string, ExportSpec<never>> = {
  ...accountsExports,
  ...statsExports,
  ...hotlineExports,
  ...lecturesExports,
  ...counterExports,
};
