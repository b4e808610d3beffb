/** Month-by-month trends (issue 6 §1): one row per month, charted as lines, numbers in the table beside. */
import type { Db } from '../db/open';
import { computeFigures, ZERO_COUNTS } from '../../../shared/domain/lectureFigures';
import { countCell, key, rateCell, textCell, type Cell, type ReportTable, type Text } from '../../../shared/domain/reportTable';
import { formatMonthKey } from '../../../shared/domain/statsPeriod';
import { counterByMonth } from './counterStats';
import { hotlineByMonth } from './hotlineStats';
import { lecturesByMonth } from './lecturesStats';
import type { Range } from './common';

const k = (s: string) => key(`stats:trends.${s}`);
const monthText = (m: string): Text => ({ zh: formatMonthKey(m, 'zh-TW'), en: formatMonthKey(m, 'en') });

function table(id: string, columns: ReportTable['columns'], rows: Cell[][], total: Cell[], series: number[], formulas: Text[]): ReportTable {
  return {
    id: `trends.${id}`,
    title: k(`tables.${id}`),
    columns: [{ key: 'month', label: k('col.month'), kind: 'text' }, ...columns],
    rows,
    total,
    formulas,
    notes: [],
    chart: { type: 'line', category: 0, series },
    layout: 'long',
  };
}

export function trendTables(db: Db, months: readonly string[], range: Range, today: string): ReportTable[] {
  const hotline = hotlineByMonth(db, range);
  const lectures = lecturesByMonth(db, range, today);
  const counter = counterByMonth(db, range);
  const sumOf = <T>(m: Map<string, T>, f: (x: T) => number) => [...m.values()].reduce((a, x) => a + f(x), 0);
  const totalLabel = textCell(key('stats:col.total'));

  const h = (m: string) => hotline.get(m) ?? { total: 0, service: 0, clientFamily: 0, items: 0 };
  const hotlineTable = table(
    'hotline',
    [
      { key: 'total', label: k('col.calls'), kind: 'count' },
      { key: 'service', label: k('col.serviceCalls'), kind: 'count' },
      { key: 'clientFamily', label: k('col.clientFamily'), kind: 'count' },
      { key: 'cfShare', label: k('col.clientFamilyShare'), kind: 'percent' },
      { key: 'items', label: k('col.items'), kind: 'count' },
    ],
    months.map((m) => {
      const x = h(m);
      return [textCell(monthText(m)), countCell(x.total), countCell(x.service), countCell(x.clientFamily), rateCell(x.clientFamily, x.total, 1), countCell(x.items)];
    }),
    (() => {
      const [t, s, cf, i] = [sumOf(hotline, (x) => x.total), sumOf(hotline, (x) => x.service), sumOf(hotline, (x) => x.clientFamily), sumOf(hotline, (x) => x.items)];
      return [totalLabel, countCell(t), countCell(s), countCell(cf), rateCell(cf, t, 1), countCell(i)];
    })(),
    [1, 3],
    [key('stats:hotline.formula.clientFamily')],
  );

  const lectureFigures = (m: string | null) => {
    const list = m === null ? [...lectures.values()] : [lectures.get(m)].filter((x) => x !== undefined);
    const counts = list.reduce(
      (a, x) => ({
        due: a.due + x.due,
        attended: a.attended + x.attended,
        approvedLeave: a.approvedLeave + x.approvedLeave,
        leavePending: a.leavePending + x.leavePending,
        transferredOut: a.transferredOut + x.transferredOut,
        noShow: a.noShow + x.noShow,
        consultations: a.consultations + x.consultations,
      }),
      ZERO_COUNTS,
    );
    return { f: computeFigures(counts), sessions: list.reduce((a, x) => a + x.sessions, 0) };
  };
  const lectureCells = ({ f, sessions }: ReturnType<typeof lectureFigures>): Cell[] => [
    countCell(sessions),
    countCell(f.due),
    countCell(f.attended),
    rateCell(f.attended, f.adjustedDue, 1),
    countCell(f.consultations),
    rateCell(f.consultations, f.attended, 1),
  ];
  const lecturesTable = table(
    'lectures',
    [
      { key: 'sessions', label: key('stats:lectures.col.sessions'), kind: 'count' },
      { key: 'due', label: key('stats:lectures.col.due'), kind: 'count' },
      { key: 'attended', label: key('stats:lectures.col.attended'), kind: 'count' },
      { key: 'rate', label: key('stats:lectures.col.attendanceRate'), kind: 'percent' },
      { key: 'consultations', label: key('stats:lectures.col.consultations'), kind: 'count' },
      { key: 'counsellingRate', label: key('stats:lectures.col.counsellingRate'), kind: 'percent' },
    ],
    months.map((m) => [textCell(monthText(m)), ...lectureCells(lectureFigures(m))]),
    [totalLabel, ...lectureCells(lectureFigures(null))],
    [2, 3],
    [key('stats:lectures.formula.attendanceRate'), key('stats:lectures.formula.counsellingRate')],
  );

  const avg = (rated: number, sum: number): Cell => ({ t: 'decimal', value: rated > 0 ? Math.round((sum / rated) * 100) / 100 : null, digits: 2 });
  const counterTable = table(
    'counter',
    [
      { key: 'visits', label: key('stats:counter.col.visits'), kind: 'count' },
      { key: 'rated', label: key('stats:counter.summary.rated'), kind: 'count' },
      { key: 'satisfaction', label: key('stats:counter.summary.satisfaction'), kind: 'decimal' },
    ],
    months.map((m) => {
      const x = counter.get(m) ?? { visits: 0, rated: 0, satisfactionSum: 0 };
      return [textCell(monthText(m)), countCell(x.visits), countCell(x.rated), avg(x.rated, x.satisfactionSum)];
    }),
    [totalLabel, countCell(sumOf(counter, (x) => x.visits)), countCell(sumOf(counter, (x) => x.rated)), avg(sumOf(counter, (x) => x.rated), sumOf(counter, (x) => x.satisfactionSum))],
    [1],
    [key('stats:counter.formula.satisfaction')],
  );
  return [hotlineTable, lecturesTable, counterTable];
}

