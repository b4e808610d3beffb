import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { acrossBlocks, cellText, isNumeric, type Cell, type ReportTable } from '../../../../shared/domain/reportTable';
import { currentLang } from '../../app/i18n';
import { useTextOf } from './useStats';

/** Categories across in blocks, 總計 closing the last block: the bureau's 表二/表三 layout, on screen as on paper. */
function AcrossTable({ table, text, title, lang }: { table: ReportTable; text: (c: Cell) => string; title: string; lang: 'zh-TW' | 'en' }) {
  const tx = useTextOf();
  const all = table.total ? [...table.rows, table.total] : table.rows;
  const labels = all.map((r) => (r[0] ? text(r[0]) : ''));
  // The same blocks as the printed report.
  const { chunk, blocks } = acrossBlocks(table, labels, lang);
  const isTotal = (i: number) => table.total !== null && i === all.length - 1;
  return (
    <>
      {blocks.map((block, b) => (
        <Table key={b} size="small" aria-label={title} sx={{ mb: 1, tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '14%' }}>{tx(table.columns[0]?.label ?? { raw: '' })}</TableCell>
              {block.map((i) => (
                <TableCell key={i} align="right" sx={isTotal(i) ? { fontWeight: 700 } : undefined}>
                  {labels[i]}
                </TableCell>
              ))}
              {Array.from({ length: chunk + (table.total ? 1 : 0) - block.length }, (_, k) => (
                <TableCell key={`pad-${k}`} />
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.columns.slice(1).map((col, ci) => (
              <TableRow key={col.key}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
                  {tx(col.label)}
                </TableCell>
                {block.map((i) => {
                  const c = all[i]?.[ci + 1];
                  return (
                    <TableCell key={i} align="right" sx={{ whiteSpace: 'nowrap', fontWeight: isTotal(i) ? 700 : undefined }}>
                      {c ? text(c) : ''}
                    </TableCell>
                  );
                })}
                {Array.from({ length: chunk + (table.total ? 1 : 0) - block.length }, (_, k) => (
                  <TableCell key={`pad-${k}`} />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
    </>
  );
}

function LongTable({ table, text, title }: { table: ReportTable; text: (c: Cell) => string; title: string }) {
  const tx = useTextOf();
  return (
    <Table size="small" aria-label={title}>
      <TableHead>
        <TableRow>
          {table.columns.map((c) => (
            <TableCell key={c.key} align={isNumeric(c.kind) ? 'right' : 'left'} sx={{ whiteSpace: isNumeric(c.kind) ? 'nowrap' : undefined }}>
              {tx(c.label)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {table.rows.map((row, i) => (
          <TableRow key={i} hover>
            {row.map((c, j) => (
              <TableCell key={j} align={isNumeric(c.t) ? 'right' : 'left'} sx={{ whiteSpace: isNumeric(c.t) ? 'nowrap' : undefined }}>
                {text(c)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {table.total && (
          <TableRow sx={{ '& td': { fontWeight: 700, borderTop: 2, borderColor: 'divider' } }}>
            {table.total.map((c, j) => (
              <TableCell key={j} align={isNumeric(c.t) ? 'right' : 'left'}>
                {text(c)}
              </TableCell>
            ))}
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

/** A ReportTable as the screen shows it, in the table's own layout (long, or categories across). */
export function StatTableView({ table, title }: { table: ReportTable; title: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const text = (c: Cell) => cellText(c, lang, (k, p) => t(k, p ?? {}));
  return table.layout === 'across' ? <AcrossTable table={table} text={text} title={title} lang={lang} /> : <LongTable table={table} text={text} title={title} />;
}
