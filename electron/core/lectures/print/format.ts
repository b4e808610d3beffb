import type { PrintLang } from '../../print/page';
import type { Translate } from '../../print/translate';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { weekdayOf } from '../../../../shared/domain/lectureSeries';
import type { PrintSession } from './data';

/** 民國114年3月8日（星期六） / 8 March 2025 (Saturday) */
export function sessionDay(date: string, t: Translate, lang: PrintLang): string {
  const day = t(`lectures:weekday.${weekdayOf(date)}`);
  return lang === 'zh-TW' ? `${formatDateForLang(date, lang, 'long')}（${day}）` : `${formatDateForLang(date, lang, 'long')} (${day})`;
}

export const venueName = (s: PrintSession, lang: PrintLang): string => (lang === 'en' ? s.venueEn : s.venueZh);

export const timeRange = (s: PrintSession): string => `${s.startTime}–${s.endTime}`;

/** The CSS every lecture document adds to the shared print stylesheet. */
export const LECTURE_CSS = `
.sheet { break-after: page; }
.sheet:last-child { break-after: auto; }
dl.facts { display: grid; grid-template-columns: 28mm 1fr; gap: 1.5mm 4mm; margin: 0 0 4mm; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
.code-box { display: flex; gap: 5mm; align-items: center; border: 0.8pt solid #222; padding: 3mm; margin: 4mm 0; }
.code-text { font-size: 15pt; font-weight: 700; letter-spacing: 0.08em; font-family: monospace; }
.rules li { margin-bottom: 1mm; }
.lead { font-size: 11.5pt; }
.sign { margin-top: 10mm; text-align: right; }
`;
