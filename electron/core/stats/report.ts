/**
 * The printed statistics report (issue 6 §4): A4, the period in ROC dates in the header, per
 * part the bureau's sentences, then every table of the statistics screen with its formulas,
 * and a chart (inline SVG) where the table has one. The small category tables (表二, 表三)
 * print across the page as the bureau lays them out.
 */
import type { StatsSectionResult } from '../../../shared/api/channels/stats';
import { acrossBlocks, cellText, isNumeric, textOf, type Cell, type Lang, type ReportTable, type Translate } from '../../../shared/domain/reportTable';
import { formatPeriod, formatPeriodDays, type Period } from '../../../shared/domain/statsPeriod';
import { unitsToFraction } from '../../../shared/lib/percent';
import { formatDateTime } from '../../../shared/lib/time';
import { html, type SafeHtml } from '../print/html';
import { renderPage, type PrintDocument } from '../print/page';
import { labelled, pageLabel } from '../print/translate';
import { CHART_CSS, columns, horizontalBars, lines } from './svgCharts';

export const MONTHLY_REPORT_KIND = 'stats.monthlyReport';

/** Bars beside a table are drawn on a narrower canvas so their text stays as large as the table's. */
const SIDE_CHART_WIDTH = 300;

const EXTRA_CSS = `
h2.part { font-size: 13.5pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.8pt solid #444; }
h2.part.new-page { break-before: page; }
h3.table-title { font-size: 11pt; margin: 4mm 0 1.5mm; }
p.sentence { text-indent: 2em; margin: 0 0 1.5mm; }
table.stat { table-layout: auto; font-size: 9.5pt; margin-bottom: 1mm; }
table.stat th, table.stat td { padding: 0.9mm 1.6mm; }
table.stat td.num { text-align: right; white-space: nowrap; }
table.stat th.num { text-align: right; }
/* Words in headers stay whole (the column widens); the base sheet lets any text break anywhere. */
table.stat th { overflow-wrap: normal; }
table.across th { hyphens: auto; }
table.stat tr.total td { font-weight: 700; border-top: 1.1pt solid #333; }
table.across { table-layout: fixed; font-size: 8.5pt; }
table.across th { text-align: center; white-space: normal; }
table.across td.num { text-align: right; }
table.across td.total { font-weight: 700; }

.pair { display: flex; gap: 5mm; align-items: flex-start; break-inside: avoid; }
.pair > .block { flex: 0 0 56%; }
.pair > .side-chart { flex: 1 1 0; min-width: 0; padding-top: 9mm; }
ul.formulas { margin: 0 0 2mm; padding-left: 4mm; font-size: 8.5pt; color: #444; }
.block { break-inside: avoid; }
${CHART_CSS}`;

// Numbers, dates and times never break inside; words may.
const cls = (cell: Cell, text: string) => (isNumeric(cell.t) ? 'num' : cell.t === 'date' || cell.t === 'instant' || /^[\d:/ -]+$/.test(text) ? 'nowrap' : '');

function longTable(table: ReportTable, lang: Lang, t: Translate): SafeHtml {
  const row = (cells: Cell[], total: boolean) =>
    html`<tr class="${total ? 'total' : ''}">${cells.map((c) => {
      const text = cellText(c, lang, t);
      return html`<td class="${cls(c, text)}">${text}</td>`;
    })}</tr>`;
  return html`<table class="stat">
<thead><tr>${table.columns.map((c) => {
    const label = textOf(c.label, lang, t);
    // Short headers (人次, 通數) stay on one line; long ones may wrap over narrow number columns.
    return html`<th class="${isNumeric(c.kind) ? 'num' : ''}${[...label].length <= 4 ? ' nowrap' : ''}">${label}</th>`;
  })}</tr></thead>
<tbody>${table.rows.map((r) => row(r, false))}${table.total ? row(table.total, true) : null}</tbody>
</table>`;
}

/** 表二 / 表三 as printed in seed 004: categories across, one line per figure, 總計 last. */
function acrossTable(table: ReportTable, lang: Lang, t: Translate): SafeHtml {
  const all = table.total ? [...table.rows, table.total] : table.rows;
  const labels = all.map((r) => (r[0] ? cellText(r[0], lang, t) : ''));
  const { chunk, blocks } = acrossBlocks(table, labels, lang);
  const width = (86 / (chunk + (table.total ? 1 : 0))).toFixed(2);
  return html`${blocks.map(
    (block) => html`<table class="stat across" style="width:${(14 + block.length * Number(width)).toFixed(2)}%">
<colgroup><col style="width:14%">${block.map(() => html`<col style="width:${width}%">`)}</colgroup>
<thead><tr><th>${textOf(table.columns[0]?.label ?? { raw: '' }, lang, t)}</th>${block.map((i) => html`<th>${labels[i] ?? ''}</th>`)}</tr></thead>
<tbody>${table.columns.slice(1).map(
      (col, ci) => html`<tr><th>${textOf(col.label, lang, t)}</th>${block.map((i) => {
        const c = all[i]?.[ci + 1];
        return html`<td class="num${table.total && i === all.length - 1 ? ' total' : ''}">${c ? cellText(c, lang, t) : ''}</td>`;
      })}</tr>`,
    )}</tbody>
</table>`,
  )}`;
}

const numberOf = (c: Cell | undefined): number =>
  c === undefined ? 0 : c.t === 'count' ? c.n : c.t === 'percent' ? (c.units === null ? 0 : unitsToFraction(c.units, c.decimals) * 100) : c.t === 'decimal' ? (c.value ?? 0) : 0;

type ChartPlace = 'below' | 'side';

function chart(table: ReportTable, lang: Lang, t: Translate, place: ChartPlace): SafeHtml | null {
  const spec = table.chart;
  if (!spec || table.rows.length === 0) return null;
  const labels = table.rows.map((r) => (r[spec.category] ? cellText(r[spec.category] as Cell, lang, t) : ''));
  const series = spec.series.map((col) => ({ name: textOf(table.columns[col]?.label ?? { raw: '' }, lang, t), values: table.rows.map((r) => numberOf(r[col])) }));
  if (series.every((s) => s.values.every((v) => v === 0))) return null;
  if (spec.type === 'line') {
    const decimals = table.columns[spec.series[0] ?? 0]?.kind === 'decimal' ? 2 : 0;
    return lines(labels, series, { decimals });
  }
  const values = series[0]?.values ?? [];
  if (labels.length > 12 && labels.every((l) => l.length <= 6)) return columns(labels, values);
  // A long list of empty categories says nothing in a chart; the table beside still lists them all.
  const keep = labels.length > 6 ? labels.map((_, i) => (values[i] ?? 0) > 0) : labels.map(() => true);
  return horizontalBars(
    labels.filter((_, i) => keep[i]),
    values.filter((_, i) => keep[i]),
    place === 'side' ? { width: SIDE_CHART_WIDTH } : {},
  );
}

function tableBlock(table: ReportTable, lang: Lang, t: Translate): SafeHtml {
  const notes = [...table.formulas, ...table.notes];
  // Small category tables print with their bars beside them, as a report page would.
  const side = table.layout === 'long' && table.columns.length <= 3 && table.chart?.type === 'bar' && table.rows.length <= 14;
  const block = html`<div class="block">
<h3 class="table-title">${textOf(table.title, lang, t)}</h3>
${table.layout === 'across' ? acrossTable(table, lang, t) : longTable(table, lang, t)}
${notes.length ? html`<ul class="formulas">${notes.map((n) => html`<li>${textOf(n, lang, t)}</li>`)}</ul>` : null}
</div>`;
  if (side) {
    const drawn = chart(table, lang, t, 'side');
    return html`<section class="stat-table" data-table="${table.id}"><div class="pair">${block}<div class="side-chart">${drawn}</div></div></section>`;
  }
  return html`<section class="stat-table" data-table="${table.id}">${block}${chart(table, lang, t, 'below')}</section>`;
}

export interface ReportData {
  period: Period;
  sections: StatsSectionResult[];
  printedAt: string;
  printedBy: string;
}

export function reportTitle(period: Period, t: Translate): string {
  return t(`stats:report.title.${period.kind}`);
}

export function monthlyReportDocument(data: ReportData, t: Translate, lang: Lang, fontDir: string): PrintDocument {
  const sep = lang === 'zh-TW' ? '\u3000' : ' \u00b7 ';
  const headerNote = [
    labelled(t('stats:report.period'), lang === 'zh-TW' ? `${formatPeriod(data.period, lang)}（${formatPeriodDays(data.period, lang)}）` : `${formatPeriod(data.period, lang)} (${formatPeriodDays(data.period, lang)})`, lang),
    labelled(t('print.common.printedAt'), formatDateTime(data.printedAt, lang), lang),
    labelled(t('print.common.printedBy'), data.printedBy, lang),
  ].join(sep);
  const body = html`${data.sections.map(
    (s, i) => html`<h2 class="part${i > 0 ? ' new-page' : ''}">${t(`stats:report.part.${s.section}`)}</h2>
${s.summary.map((line) => html`<p class="sentence">${textOf(line, lang, t)}</p>`)}
${s.tables.map((table) => tableBlock(table, lang, t))}`,
  )}`;
  return renderPage({
    kind: MONTHLY_REPORT_KIND,
    title: `${reportTitle(data.period, t)} ${formatPeriod(data.period, lang)}`,
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: EXTRA_CSS,
    headerNote,
    pageLabel: pageLabel(t),
  });
}
