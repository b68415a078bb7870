// Roles and their permission matrix: record types × actions, each none / own / all.
// The System Manager role arrives with editable:false and is shown read-only.
import { h, localize, nextId, numEl } from '../dom.js';
import { api } from '../api.js';
import { can } from '../state.js';
import { pick } from '../i18n.js';
import { field, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { confirmDialog } from '../components/dialogs.js';

export const RECORD_TYPES = [
  'contact', 'inquiry', 'quotation', 'delivery_note', 'invoice', 'product', 'letter', 'document',
  'task', 'reminder', 'report', 'user', 'role', 'settings', 'audit_log',
];
export const ACTIONS = ['read', 'write', 'create', 'delete', 'submit', 'cancel'];
const SCOPES = ['none', 'own', 'all'];

function matrix() {
  const tbody = h('tbody');
  for (const doc of RECORD_TYPES) {
    const cells = ACTIONS.map((action) => {
      const id = nextId(`perm-${doc}-${action}`);
      const select = h(
        'select',
        { id, name: `perm.${doc}.${action}`, 'data-doc-type': doc, 'data-action': action, class: 'scope-select', 'data-value': 'none' },
        SCOPES.map((s) => h('option', { value: s, i18n: `roles.scope.${s}` })),
      );
      select.addEventListener('change', () => { select.dataset.value = select.value; });
      const label = h('label', { for: id, class: 'sr-only' }, h('span', { i18n: `record.${doc}` }), ' — ', h('span', { i18n: `roles.action.${action}` }));
      return h('td', null, label, select);
    });
    tbody.append(h('tr', { 'data-doc-type': doc }, h('th', { scope: 'row', i18n: `record.${doc}` }), cells));
  }
  return h(
    'table',
    { id: 'role-matrix', class: 'data-table matrix' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'roles.record_type' }), ACTIONS.map((a) => h('th', { scope: 'col', i18n: `roles.action.${a}` })))),
    tbody,
  );
}

export async function renderRoles(view) {
  const canCreate = can('role', 'create');
  const canWrite = can('role', 'write');
  const canDelete = can('role', 'delete');
  const addButton = canCreate
    ? h('button', { type: 'button', id: 'role-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'roles.add' }))
    : null;
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('roles.title', 'roles.subtitle', addButton), body);

  let roles;
  try {
    roles = await api.rolesList();
  } catch (err) {
    addButton?.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }

  const list = h('ul', { id: 'roles-list', class: 'role-list' });
  const error = formErrorArea('role-form-error');
  const note = h('p', { class: 'note', id: 'role-readonly', hidden: true }, icon('lock'), h('span', { i18n: 'roles.read_only' }));
  const heading = h('h2', { class: 'card-title', id: 'role-editor-title' });
  const table = matrix();
  const save = h('button', { type: 'submit', id: 'role-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }));
  const del = h('button', { type: 'button', id: 'role-delete', class: 'btn btn-danger-ghost' }, icon('trash'), h('span', { i18n: 'common.delete' }));
  const form = h(
    'form',
    { id: 'role-form', class: 'card role-editor', novalidate: true, 'aria-labelledby': 'role-editor-title' },
    heading,
    note,
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'name_ar', label: 'roles.name_ar', required: true, dir: 'rtl', attrs: { lang: 'ar' } }),
      field({ name: 'name_en', label: 'roles.name_en', required: true, dir: 'ltr', attrs: { lang: 'en' } }),
    ),
    h('h3', { class: 'section-title', i18n: 'roles.permissions' }),
    h('p', { class: 'hint', i18n: 'roles.scope_hint' }),
    h('div', { class: 'table-wrap matrix-wrap' }, table),
    error,
    h('div', { class: 'form-actions' }, save, del),
  );
  const banner = h('div', { class: 'banner-slot' });
  body.replaceChildren(banner, h('div', { class: 'roles-layout' }, h('section', { class: 'card role-list-card' }, h('h2', { class: 'card-title', i18n: 'roles.list' }), list), form));

  let selected = null; // a Role, or {} for a new one

  function fillList() {
    list.replaceChildren(
      ...roles.map((r) =>
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'role-item',
              'data-role-id': r.id,
              'data-builtin': r.builtin_key || null,
              'aria-pressed': String(selected?.id === r.id),
              onclick: () => select(r),
            },
            h('span', { class: 'role-name', bi: { ar: r.name_ar, en: r.name_en } }),
            h(
              'span',
              { class: 'role-meta' },
              r.editable ? null : h('span', { class: 'badge', 'data-status': 'fixed' }, icon('lock'), h('span', { i18n: 'roles.fixed' })),
              h('span', { class: 'count', i18nAttr: { title: 'roles.user_count' } }, icon('users'), numEl(r.user_count ?? 0)),
            ),
          ),
        ),
      ),
    );
    localize(list);
  }

  function select(role) {
    selected = role;
    clearErrors(form);
    banner.replaceChildren();
    const isNew = !role.id;
    const editable = isNew ? canCreate : role.editable !== false && canWrite;
    form.elements.name_ar.value = role.name_ar ?? '';
    form.elements.name_en.value = role.name_en ?? '';
    for (const s of table.querySelectorAll('select')) {
      s.value = role.permissions?.[s.dataset.docType]?.[s.dataset.action] ?? 'none';
      s.dataset.value = s.value;
    }
    form.querySelectorAll('input, select').forEach((c) => { c.disabled = !editable; });
    note.hidden = role.editable !== false;
    save.hidden = !editable;
    del.hidden = isNew || role.editable === false || !canDelete;
    form.dataset.roleId = role.id || '';
    if (isNew) {
      heading.dataset.i18n = 'roles.new_title';
      delete heading.dataset.ar;
      delete heading.dataset.en;
    } else {
      delete heading.dataset.i18n;
      heading.dataset.ar = role.name_ar;
      heading.dataset.en = role.name_en;
    }
    list.querySelectorAll('.role-item').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.roleId === role.id)));
    localize(form);
  }

  function readPermissions() {
    const out = {};
    for (const s of table.querySelectorAll('select')) {
      (out[s.dataset.docType] ||= {})[s.dataset.action] = s.value;
    }
    return out;
  }

  async function reload(selectId) {
    roles = await api.rolesList();
    fillList();
    const next = roles.find((r) => r.id === selectId) || roles[0];
    if (next) select(next);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.hidden) return;
    clearErrors(form);
    const input = {
      name_ar: form.elements.name_ar.value.trim(),
      name_en: form.elements.name_en.value.trim(),
      permissions: readPermissions(),
    };
    save.disabled = true;
    try {
      const saved = selected.id ? await api.rolesUpdate(selected.id, input) : await api.rolesCreate(input);
      await reload(saved.id);
      showToast('toast.saved');
    } catch (err) {
      applyServerError(form, err, error);
    } finally {
      save.disabled = false;
    }
  });

  del.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: 'roles.delete_title',
      message: ['roles.delete_confirm', { name: pick(selected.name_ar, selected.name_en) }],
      confirm: 'common.delete',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.rolesDelete(selected.id);
      await reload(null);
      showToast('toast.deleted');
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  });

  addButton?.addEventListener('click', () => {
    select({ name_ar: '', name_en: '', permissions: {}, editable: true });
    form.elements.name_ar.focus();
  });

  fillList();
  if (roles.length) select(roles[0]);
  localize(body);
}
