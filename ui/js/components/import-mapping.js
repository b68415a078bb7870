// The mapping step's table: one line per column of the sheet (its letter, title and a
// few values) with the field it goes into. Ids: #import-map, select[data-column=N]
// (value: a field key, or '' to ignore the column).
import { h, localize, setText, setBilingual } from '../dom.js';

/** Shown at most; a hostile sheet may have 16,384 columns. */
const MAX_COLUMNS = 300;

/** A, B, …, Z, AA, AB… as Excel names columns (index 0-based). */
export function columnLetter(index) {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * mappingTable({onChange(mapping)}) → {el, show(columns, fields, mapping), mapping()}.
 * A field that takes one column moves when picked for another column.
 */
export function mappingTable({ onChange }) {
  const tbody = h('tbody');
  const note = h('p', { class: 'muted import-more-columns', hidden: true });
  const table = h(
    'table',
    { id: 'import-map', class: 'data-table import-map' },
    h('caption', { class: 'sr-only', i18n: 'imp.map.title' }),
    h('thead', null, h('tr', null, ['column', 'header', 'samples', 'field'].map((k) => h('th', { scope: 'col', class: `col-${k}`, i18n: `imp.map.${k}` })))),
    tbody,
  );
  const el = h('div', { class: 'import-map-wrap' }, h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table)), note);
  let fields = [];

  const selects = () => [...tbody.querySelectorAll('select[data-column]')];

  function current() {
    return selects()
      .filter((s) => s.value)
      .map((s) => ({ column: Number(s.dataset.column), field: s.value }));
  }

  function fieldSelect(column, chosen) {
    const select = h(
      'select',
      { 'data-column': String(column.index), name: `map-${column.index}`, 'data-mapped': chosen ? 'true' : 'false' },
      h('option', { value: '', i18n: 'imp.map.ignore' }),
      fields.map((f) => {
        const o = h('option', { value: f.key });
        setBilingual(o, { ar: f.required ? `${f.label.ar} *` : f.label.ar, en: f.required ? `${f.label.en} *` : f.label.en });
        return o;
      }),
    );
    select.value = chosen || '';
    select.addEventListener('change', () => {
      const f = fields.find((x) => x.key === select.value);
      // One column per single-value field: the column that had it lets it go.
      if (f && !f.multi) {
        for (const other of selects()) {
          if (other !== select && other.value === f.key) {
            other.value = '';
            other.dataset.mapped = 'false';
          }
        }
      }
      select.dataset.mapped = select.value ? 'true' : 'false';
      onChange(current());
    });
    return select;
  }

  function show(columns, newFields, mapping) {
    fields = newFields;
    const byColumn = new Map(mapping.map((m) => [m.column, m.field]));
    const shown = columns.slice(0, MAX_COLUMNS);
    tbody.replaceChildren(
      ...shown.map((c) => {
        const select = fieldSelect(c, byColumn.get(c.index));
        const id = `import-map-${c.index}`;
        select.id = id;
        const header = c.header ? h('bdi', null, c.header) : h('span', { class: 'muted', i18n: 'imp.map.no_header' });
        return h(
          'tr',
          { 'data-column': String(c.index) },
          h('td', { class: 'col-column mono', dir: 'ltr' }, columnLetter(c.index)),
          h('th', { scope: 'row', class: 'col-header' }, h('label', { for: id }, header)),
          h('td', { class: 'col-samples' }, h('ul', { class: 'import-samples' }, c.samples.filter((s) => s !== '').map((s) => h('li', { dir: 'auto' }, s)))),
          h('td', { class: 'col-field' }, select),
        );
      }),
    );
    note.hidden = columns.length <= MAX_COLUMNS;
    if (!note.hidden) setText(note, ['imp.map.more_columns', { n: MAX_COLUMNS }]);
    localize(el);
  }

  return { el, show, mapping: current };
}
