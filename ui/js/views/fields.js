// Settings → Custom fields (#/settings/fields): the extra contact fields, in the order
// the contact form shows them. Rows: #fields-table tr[data-field-id]. Only a user who
// may write settings gets the add/edit/delete/move controls; the backend checks anyway.
import { h, append, clear, localize, numEl } from '../dom.js';
import { api } from '../api.js';
import { pick } from '../i18n.js';
import { showToast } from '../toast.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { confirmDialog } from '../components/dialogs.js';
import { fieldDialog } from '../components/field-dialog.js';
import { KINDS, FIELD_TYPES, kindBadge } from '../contacts.js';

// Choices listed under a choice field's type; the rest are counted in "…".
const CHOICES_SHOWN = 6;

function actionButton(action, iconName, labelKey, onclick, { danger = false, disabled = false } = {}) {
  return h(
    'button',
    { type: 'button', class: `btn-icon row-action${danger ? ' danger' : ''}`, 'data-action': action, i18nAttr: { title: labelKey }, disabled, onclick },
    icon(iconName),
    h('span', { class: 'sr-only', i18n: labelKey }),
  );
}

function typeCell(f) {
  const type = FIELD_TYPES.includes(f.field_type) ? f.field_type : 'text';
  const shown = f.choices.slice(0, CHOICES_SHOWN);
  return h(
    'td',
    { class: 'col-type' },
    h('span', { class: 'field-type', 'data-type': type, i18n: `contacts.field_type.${type}` }),
    type === 'choice' && f.choices.length
      ? h(
          'ul',
          { class: 'tags choice-chips' },
          shown.map((c) => h('li', { class: 'tag', bi: { ar: c.ar, en: c.en } })),
          f.choices.length > shown.length ? h('li', { class: 'tag more' }, '…') : null,
        )
      : null,
  );
}

function requiredCell(f) {
  const kinds = KINDS.filter((k) => f.required_kinds.includes(k));
  return h(
    'td',
    { class: 'col-required' },
    kinds.length ? h('span', { class: 'badges' }, kinds.map(kindBadge)) : h('span', { class: 'muted', i18n: 'fields.optional' }),
  );
}

/** Draws the tab into `body`. writable: the user may write settings. */
export async function fieldsTab(body, writable) {
  const addButton = writable
    ? h('button', { type: 'button', id: 'field-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'fields.add' }))
    : null;
  const banner = h('div', { class: 'banner-slot' });
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'fields-table', class: 'data-table fields-table' },
    h('caption', { class: 'sr-only', i18n: 'fields.title' }),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['position', 'label_ar', 'label_en', 'type', 'required'].map((k) => h('th', { scope: 'col', class: `col-${k}`, i18n: `fields.col.${k}` })),
        writable ? h('th', { scope: 'col', class: 'col-actions' }, h('span', { i18n: 'common.actions' })) : null,
      ),
    ),
    tbody,
  );
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h(
    'section',
    { id: 'fields-empty', class: 'card empty-state', hidden: true },
    h('span', { class: 'empty-icon' }, icon('list')),
    h('h2', { i18n: 'fields.empty_title' }),
    h('p', { class: 'muted', i18n: 'fields.empty_text' }),
  );
  const { dialog, open } = fieldDialog({ onSaved: (saved) => reload(saved.id) });
  addButton?.addEventListener('click', () => open(null));

  let fields = await api.fieldsList();

  // append() skips the parts this user does not get (null), unlike replaceChildren.
  append(clear(body), [
    h(
      'div',
      { class: 'fields-intro' },
      h('div', null, h('h2', { class: 'card-title', i18n: 'fields.title' }), h('p', { class: 'muted', i18n: 'fields.intro' })),
      addButton,
    ),
    writable ? null : h('p', { class: 'note', id: 'settings-readonly' }, icon('lock'), h('span', { i18n: 'settings.read_only' })),
    banner,
    tableCard,
    empty,
    dialog,
  ]);

  function row(f, i) {
    const name = pick(f.label_ar, f.label_en);
    const actions = writable
      ? h(
          'td',
          { class: 'col-actions' },
          h(
            'div',
            { class: 'row-actions' },
            actionButton('move-up', 'up', 'fields.move_up', () => move(f.id, -1), { disabled: i === 0 }),
            actionButton('move-down', 'down', 'fields.move_down', () => move(f.id, 1), { disabled: i === fields.length - 1 }),
            actionButton('edit', 'edit', 'common.edit', () => open(f)),
            actionButton('delete', 'trash', 'common.delete', () => remove(f, name), { danger: true }),
          ),
        )
      : null;
    return h(
      'tr',
      { 'data-field-id': f.id, 'data-type': f.field_type },
      h('td', { class: 'col-position' }, numEl(i + 1)),
      h('th', { scope: 'row', class: 'col-label_ar' }, h('bdi', { lang: 'ar', dir: 'rtl' }, f.label_ar)),
      h('td', { class: 'col-label_en' }, h('bdi', { lang: 'en', dir: 'ltr' }, f.label_en)),
      typeCell(f),
      requiredCell(f),
      actions,
    );
  }

  function fill(list) {
    fields = list;
    tbody.replaceChildren(...list.map(row));
    tableCard.hidden = list.length === 0;
    empty.hidden = list.length !== 0;
    localize(tbody);
  }

  async function reload(focusId) {
    banner.replaceChildren();
    try {
      fill(await api.fieldsList());
    } catch (err) {
      showError(err);
      return;
    }
    if (focusId) tbody.querySelector(`tr[data-field-id="${CSS.escape(focusId)}"] [data-action=edit]`)?.focus();
  }

  function showError(err) {
    banner.replaceChildren(errorBanner(err));
    localize(banner);
  }

  async function move(id, step) {
    const ids = fields.map((f) => f.id);
    const i = ids.indexOf(id);
    const j = i + step;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    banner.replaceChildren();
    try {
      fill(await api.fieldsReorder(ids));
    } catch (err) {
      showError(err);
      return;
    }
    // Keep the keyboard on the row that moved; at either end the other arrow is the one left.
    const tr = tbody.querySelector(`tr[data-field-id="${CSS.escape(id)}"]`);
    const same = tr?.querySelector(`[data-action=${step < 0 ? 'move-up' : 'move-down'}]`);
    (same && !same.disabled ? same : tr?.querySelector('[data-action=edit]'))?.focus();
  }

  async function remove(f, name) {
    const ok = await confirmDialog({ title: 'fields.delete_title', message: ['fields.delete_confirm', { name }], confirm: 'common.delete', danger: true });
    if (!ok) return;
    banner.replaceChildren();
    try {
      await api.fieldsDelete(f.id);
    } catch (err) {
      showError(err);
      return;
    }
    await reload();
    addButton?.focus();
    showToast(['fields.deleted', { name }], 'success', {
      label: 'fields.undo',
      run: async () => {
        try {
          await api.fieldsRestore(f.id);
          showToast('fields.restored');
          await reload(f.id);
        } catch (err) {
          showError(err);
        }
      },
    });
  }

  fill(fields);
}
