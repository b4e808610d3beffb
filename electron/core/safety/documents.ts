/**
 * 'safety.recoveryKey': the recovery key on paper, printed once at setup through the one print
 * path, to be sealed and kept by the bureau's data-protection officer. Refused once the
 * supervisor has confirmed storing it, like the screen that shows it.
 */
import os from 'node:os';
import { z } from 'zod';
import { translatorFor } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/lib/time';
import { defineDocument, type DocumentSpec } from '../print/spec';
import { html } from '../print/html';
import { renderPage } from '../print/page';
import { recoveryKey } from './session';

const CSS = `
.key { font-size: 17pt; font-weight: 700; letter-spacing: 0.08em; line-height: 2; border: 2px solid #000; padding: 6mm; margin: 6mm 0;
  display: grid; grid-template-columns: repeat(4, auto); gap: 1mm 6mm; justify-content: center; }
.facts td { padding: 1mm 3mm 1mm 0; vertical-align: top; }
ol.steps li { margin: 1.5mm 0; }
.sign { margin-top: 14mm; display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; }
.sign div { border-top: 1px solid #000; padding-top: 1mm; }
`;

export const safetyDocuments: Record<string, DocumentSpec<never>> = {
  'safety.recoveryKey': defineDocument({
    access: ['supervisor'],
    params: z.object({}).strict(),
    // A secret, not personal data: printing it is still audited like every print.
    personalData: false,
    build: (ctx, _params, lang) => {
      const t = translatorFor(lang);
      const key = recoveryKey(ctx).recoveryKey;
      const now = ctx.now();
      const facts: [string, string][] = [
        [t('safety:recoveryKey.print.computer'), os.hostname()],
        [t('safety:recoveryKey.print.databaseFile'), ctx.safety.dbFile],
        [t('safety:recoveryKey.print.printedAt'), formatDateTime(now, lang)],
        [t('safety:recoveryKey.print.printedBy'), ctx.actor?.displayName ?? ''],
      ];
      const body = html`<p>${t('safety:recoveryKey.print.intro')}</p>
<div class="key" data-testid="recovery-key">${key.split('-').map((g) => html`<span>${g}</span>`)}</div>
<table class="facts">${facts.map(([k, v]) => html`<tr><td>${k}</td><td>${v}</td></tr>`)}</table>
<h2>${t('safety:recoveryKey.print.stepsTitle')}</h2>
<ol class="steps">
  <li>${t('safety:recoveryKey.print.step1')}</li>
  <li>${t('safety:recoveryKey.print.step2')}</li>
  <li>${t('safety:recoveryKey.print.step3')}</li>
</ol>
<div class="sign"><div>${t('safety:recoveryKey.print.sealedBy')}</div><div>${t('safety:recoveryKey.print.keptBy')}</div></div>`;
      return renderPage({
        kind: 'safety.recoveryKey',
        title: t('safety:recoveryKey.print.title'),
        lang,
        format: 'a4',
        body,
        fontDir: ctx.fontDir,
        extraCss: CSS,
      });
    },
  }),
};
