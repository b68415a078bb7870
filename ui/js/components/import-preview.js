// What a check found: the counts (#import-counts [data-count=total|new|updated|duplicate|invalid])
// and the first rows as they will be saved (#import-preview tr[data-row][data-outcome]),
// rows that will not be imported marked, with their reason in the current language.
import { h, localize, numEl, setText } from '../dom.js';

export const OUTCOMES = ['new', 'updated', 'duplicate', 'invalid'];

/** The first rows a report holds in full (import_check's trim). */
const FIRST_ROWS = 50;

/** The counts strip; `id` lets the result show its own copy. */
export function countsStrip(id) {
  const el = h('dl', { id, class: 'import-counts' });
  return {
    el,
    show(counts) {
      el.replaceChildren(
        ...['total', ...OUTCOMES].map((k) =>
          h('div', { class: 'import-count', 'data-count': k, 'data-value': String(counts?.[k] ?? 0) }, h('dt', { i18n: `imp.counts.${k}` }), h('dd', null, numEl(counts?.[k] ?? 0))),
        ),
      );
      localize(el);
    },
  };
}

/** A value as it will be saved; several values of one field (phones) one per line. */
function cell(f, value) {
  if (!value) return null;
  const parts = f.multi ? value.split('; ') : [value];
  return parts.map((v) => h('div', { class: 'import-value', dir: 'auto' }, v));
}

function outcomeBadge(outcome) {
  return h('span', { class: 'badge import-outcome', 'data-outcome': outcome, i18n: `imp.outcome.${outcome}` });
}

/** The preview table of a report (`Shown`: rows, reasons, fields, mapping). */
export function previewTable() {
  const thead = h('thead');
  const tbody = h('tbody');
  const table = h('table', { id: 'import-preview', class: 'data-table import-preview' }, h('caption', { class: 'sr-only', i18n: 'imp.preview.title' }), thead, tbody);
  const notes = h('div', { class: 'import-preview-notes' });
  const el = h('div', { class: 'stack' }, h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table)), notes);

  function show(report) {
    // The mapped fields, in the order the fields are listed.
    const mapped = new Set(report.mapping.map((m) => m.field));
    const fields = report.fields.filter((f) => mapped.has(f.key));
    const reasons = new Map(report.reasons.map((r) => [r.row, r]));
    thead.replaceChildren(
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'col-row', i18n: 'imp.preview.row' }),
        h('th', { scope: 'col', i18n: 'imp.preview.status' }),
        fields.map((f) => h('th', { scope: 'col', bi: f.label })),
        h('th', { scope: 'col', class: 'col-reason', i18n: 'imp.preview.reason' }),
      ),
    );
    const line = (r) => {
      const why = reasons.get(r.row);
      const note = why ? h('span', { bi: { ar: why.ar, en: why.en } }) : r.outcome === 'updated' ? h('span', { class: 'muted', i18n: 'imp.preview.updates' }) : null;
      return h(
        'tr',
        { 'data-row': String(r.row), 'data-outcome': r.outcome, class: why ? 'import-problem' : null },
        h('td', { class: 'col-row', dir: 'ltr' }, numEl(r.row)),
        h('td', null, outcomeBadge(r.outcome)),
        fields.map((f) => h('td', { 'data-field': f.key }, cell(f, r.values?.[f.key]))),
        h('td', { class: 'col-reason' }, note),
      );
    };
    // The report holds the first rows, then the problem rows further down.
    const cut = Math.min(FIRST_ROWS, report.counts.total);
    const first = report.rows.slice(0, cut);
    const later = report.rows.slice(cut);
    const width = fields.length + 3;
    tbody.replaceChildren(
      ...[
        ...first.map(line),
        later.length ? h('tr', { class: 'import-gap' }, h('th', { colspan: String(width), scope: 'rowgroup', i18n: 'imp.preview.more' })) : null,
        ...later.map(line),
        report.rows.length ? null : h('tr', null, h('td', { class: 'empty', colspan: String(width), i18n: 'imp.preview.none' })),
      ].filter(Boolean),
    );
    const shownProblems = report.rows.filter((r) => r.outcome === 'duplicate' || r.outcome === 'invalid').length;
    const allProblems = report.counts.duplicate + report.counts.invalid;
    const capped = h('p', { class: 'muted', hidden: shownProblems >= allProblems });
    if (!capped.hidden) setText(capped, ['imp.preview.capped', { n: shownProblems }]);
    const totals = report.total_rows.length ? h('p', { class: 'muted', i18n: ['imp.preview.totals', { rows: report.total_rows.join(', ') }] }) : null;
    notes.replaceChildren(...[capped, totals].filter(Boolean));
    localize(el);
  }

  return { el, show };
}
