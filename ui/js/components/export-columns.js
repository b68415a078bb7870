// The column chooser of <export-dialog>: a checklist in the order the file will have,
// select all / none, and reordering with the up/down buttons (keyboard) or by dragging.
// Ids: #export-columns li[data-key] input[type=checkbox], button[data-move=up|down];
// #export-all, #export-none, #export-count.
import { h, localize, nextId, setText } from '../dom.js';
import { icon } from './icons.js';

// Types that become date or amount cells are named beside the column; text and
// numbers speak for themselves.
const TAGGED = new Set(['date', 'date_time', 'money']);

/** columnList({onChange}) → {el, fill(columns, saved), chosen(), order()} */
export function columnList({ onChange }) {
  const list = h('ol', { id: 'export-columns', class: 'export-columns' });
  const count = h('span', { id: 'export-count', class: 'export-count', 'aria-live': 'polite' });
  const setAll = (on) => {
    list.querySelectorAll('input[type=checkbox]').forEach((b) => (b.checked = on));
    changed();
  };
  const el = h(
    'fieldset',
    { class: 'export-columns-field' },
    h('legend', { i18n: 'exp.columns.label' }),
    h('p', { class: 'muted export-columns-hint', i18n: 'exp.columns.hint' }),
    h(
      'div',
      { class: 'export-columns-bar' },
      count,
      h('button', { type: 'button', id: 'export-all', class: 'btn btn-ghost btn-sm', i18n: 'exp.columns.all', onclick: () => setAll(true) }),
      h('button', { type: 'button', id: 'export-none', class: 'btn btn-ghost btn-sm', i18n: 'exp.columns.none', onclick: () => setAll(false) }),
    ),
    list,
  );

  const items = () => [...list.children];

  function changed() {
    const all = items();
    all.forEach((li, i) => {
      li.querySelector('[data-move=up]').disabled = i === 0;
      li.querySelector('[data-move=down]').disabled = i === all.length - 1;
    });
    setText(count, ['exp.columns.chosen', { n: chosen().length, total: all.length }]);
    onChange();
  }

  function move(li, step, button) {
    const other = step < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return;
    if (step < 0) list.insertBefore(li, other);
    else list.insertBefore(other, li);
    changed();
    // Moving the row took focus away; keep it on the arrow (or its twin at the end).
    (button.disabled ? li.querySelector(`[data-move=${step < 0 ? 'down' : 'up'}]`) : button).focus();
  }

  function item(c, ticked) {
    const id = nextId('export-col');
    const labelId = `${id}-label`;
    const arrow = (dir) =>
      h('button', {
        type: 'button',
        class: 'btn-icon export-move',
        'data-move': dir,
        'aria-describedby': labelId,
        i18nAttr: { 'aria-label': `exp.columns.${dir}`, title: `exp.columns.${dir}` },
        onclick: (e) => move(li, dir === 'up' ? -1 : 1, e.currentTarget),
      }, icon(dir));
    const li = h(
      'li',
      { class: 'export-col', 'data-key': c.key, draggable: 'true' },
      h('span', { class: 'export-grip', i18nAttr: { title: 'exp.columns.drag' } }, icon('grip')),
      h('input', { type: 'checkbox', id, value: c.key, checked: ticked, onchange: changed }),
      h(
        'label',
        { for: id, id: labelId },
        h('span', { bi: c.label }),
        TAGGED.has(c.type) ? h('small', { class: 'export-type', i18n: `exp.type.${c.type}` }) : null,
      ),
      arrow('up'),
      arrow('down'),
    );
    return li;
  }

  // Dragging: the row follows the pointer; its place is fixed on drop.
  let dragged = null;
  list.addEventListener('dragstart', (e) => {
    dragged = e.target.closest?.('li.export-col') || null;
    if (!dragged) return;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.dataset.key);
    dragged.classList.add('dragging');
  });
  list.addEventListener('dragover', (e) => {
    const over = e.target.closest?.('li.export-col');
    if (!dragged || !over) return;
    e.preventDefault();
    if (over === dragged) return;
    const box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });
  list.addEventListener('drop', (e) => e.preventDefault());
  list.addEventListener('dragend', () => {
    dragged?.classList.remove('dragging');
    dragged = null;
    changed();
  });

  function chosen() {
    return [...list.querySelectorAll('input[type=checkbox]:checked')].map((b) => b.value);
  }

  return {
    el,
    /** The remembered order first (columns since added at the end), else the core's order. */
    fill(columns, saved) {
      const byKey = new Map(columns.map((c) => [c.key, c]));
      const known = saved ? saved.order.filter((k) => byKey.has(k)) : [];
      const rest = columns.filter((c) => !known.includes(c.key)).map((c) => c.key);
      const ticked = (c) => (saved && saved.order.includes(c.key) ? saved.ticked.includes(c.key) : c.default);
      list.replaceChildren(...[...known, ...rest].map((k) => item(byKey.get(k), ticked(byKey.get(k)))));
      localize(list);
      changed();
    },
    chosen,
    order: () => items().map((li) => li.dataset.key),
  };
}
