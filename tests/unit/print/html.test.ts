import { describe, expect, it } from 'vitest';
import { escapeHtml, html, isSafeHtml, joinHtml, raw, type SafeHtml } from '../../../electron/core/print/html';

describe('escapeHtml', () => {
  it('escapes markup and both quote kinds', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('html tagged template', () => {
  it('escapes interpolated strings such as a hostile display name', () => {
    const name = '<script>alert(1)</script>';
    expect(html`<td>${name}</td>`.__html).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
  });

  it('renders numbers, skips null/undefined/false, and passes SafeHtml through', () => {
    const inner = html`<b>${'x&y'}</b>`;
    const show = false;
    expect(html`${1.5}|${null}|${undefined}|${show && 'no'}|${inner}`.__html).toBe('1.5||||<b>x&amp;y</b>');
  });

  it('joins arrays, escaping strings inside them', () => {
    const items = ['a<', 'b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.__html).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${['<i>', raw('<i>')]}`.__html).toBe('&lt;i&gt;<i>');
  });

  it('does not trust objects that merely look like SafeHtml', () => {
    const forged = JSON.parse('{"__html":"<img src=x>","__brand":"SafeHtml"}') as SafeHtml;
    expect(isSafeHtml(forged)).toBe(false);
    expect(html`${forged}`.__html).not.toContain('<img');
  });

  it('joinHtml drops empty parts and escapes a string separator', () => {
    expect(joinHtml([html`a`, null, 'b&'], ' & ').__html).toBe('a &amp; b&amp;');
  });
});
