// Numbering series editor: one row per document type with a live preview of the next
// number. Shared by the setup wizard and Settings → Numbering. Rows: tr[data-doc-type].
import { h, nextId } from '../dom.js';
import { markInvalid, intValue } from '../forms.js';
import { DOC_TYPES, previewNumber } from '../numbering.js';

function cellInput(docType, name, labelKey, control) {
  const id = nextId(`${docType}-${name}`);
  control.id = id;
  // The visible column header says what the input is; the hidden label also names the row.
  const label = h('label', { for: id, class: 'sr-only' }, h('span', { i18n: labelKey }), ' — ', h('span', { i18n: `series.doc.${docType}` }));
  return h('td', { class: `col-${name}` }, label, control);
}

export function seriesTable() {
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'data-table series-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', i18n: 'series.doc_type' }),
        h('th', { scope: 'col', i18n: 'series.pattern' }),
        h('th', { scope: 'col', i18n: 'series.padding' }),
        h('th', { scope: 'col', i18n: 'series.next_number' }),
        h('th', { scope: 'col', i18n: 'series.reset_yearly' }),
        h('th', { scope: 'col', i18n: 'series.preview' }),
      ),
    ),
    body,
  );
  const root = h(
    'div',
    { class: 'series-editor' },
    h('div', { class: 'table-wrap' }, table),
    h('p', { class: 'hint placeholders', i18n: 'series.placeholders' }),
  );

  const rows = new Map();
  for (const docType of DOC_TYPES) {
    const pattern = h('input', { type: 'text', name: 'pattern', dir: 'ltr', class: 'mono', autocomplete: 'off', spellcheck: 'false' });
    const padding = h('input', { type: 'number', name: 'padding', dir: 'ltr', min: 1, max: 12, step: 1, class: 'narrow' });
    const next = h('input', { type: 'number', name: 'next_number', dir: 'ltr', min: 1, step: 1, class: 'narrow' });
    const reset = h('input', { type: 'checkbox', name: 'reset_yearly' });
    const preview = h('output', { class: 'preview mono', dir: 'ltr' });
    const tr = h(
      'tr',
      { 'data-doc-type': docType },
      h('th', { scope: 'row', i18n: `series.doc.${docType}` }),
      cellInput(docType, 'pattern', 'series.pattern', pattern),
      cellInput(docType, 'padding', 'series.padding', padding),
      cellInput(docType, 'next_number', 'series.next_number', next),
      cellInput(docType, 'reset_yearly', 'series.reset_yearly', reset),
      h('td', { class: 'col-preview' }, preview),
    );
    const update = () => {
      preview.value = previewNumber({ pattern: pattern.value, padding: padding.value, next_number: next.value });
    };
    tr.addEventListener('input', update);
    tr.addEventListener('change', update);
    rows.set(docType, { tr, pattern, padding, next, reset, update, original: null });
    body.append(tr);
  }

  const readRow = (docType) => {
    const r = rows.get(docType);
    return {
      doc_type: docType,
      pattern: r.pattern.value.trim(),
      padding: intValue(r.padding),
      next_number: intValue(r.next),
      reset_yearly: r.reset.checked,
    };
  };

  return {
    root,
    /** series: [{doc_type, pattern, padding, next_number, reset_yearly}] */
    fill(series) {
      for (const s of series) {
        const r = rows.get(s.doc_type);
        if (!r) continue;
        r.pattern.value = s.pattern;
        r.padding.value = s.padding;
        r.next.value = s.next_number;
        r.reset.checked = Boolean(s.reset_yearly);
        r.original = JSON.stringify(readRow(s.doc_type));
        r.update();
      }
    },
    read() {
      return DOC_TYPES.map(readRow);
    },
    /** Only the rows the user changed since the last fill. */
    changed() {
      return DOC_TYPES.map(readRow).filter((s) => JSON.stringify(s) !== rows.get(s.doc_type).original);
    },
    row(docType) {
      return rows.get(docType)?.tr;
    },
    validate() {
      const bad = [];
      for (const docType of DOC_TYPES) {
        const r = rows.get(docType);
        const s = readRow(docType);
        if (!s.pattern) bad.push([r.pattern, 'validation.required']);
        else if (!s.pattern.includes('{#}')) bad.push([r.pattern, 'validation.pattern_counter']);
        if (Number.isNaN(s.padding) || s.padding < 1 || s.padding > 12) bad.push([r.padding, ['validation.int_range', { min: 1, max: 12 }]]);
        if (Number.isNaN(s.next_number) || s.next_number < 1) bad.push([r.next, ['validation.int_min', { min: 1 }]]);
      }
      bad.forEach(([c, m]) => markInvalid(c, m));
      return bad.length ? bad[0][0] : null;
    },
    setDisabled(flag) {
      root.querySelectorAll('input').forEach((c) => { c.disabled = flag; });
    },
  };
}
