// Users: list, add, edit, reset password, lock/unlock, delete. Rows: tr[data-username].
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { can } from '../state.js';
import { field, option, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { modal, confirmDialog } from '../components/dialogs.js';

function statusBadges(u) {
  const badges = [];
  if (!u.enabled) badges.push(h('span', { class: 'badge', 'data-status': 'disabled', i18n: 'users.status.disabled' }));
  if (u.locked) badges.push(h('span', { class: 'badge', 'data-status': 'locked' }, icon('lock'), h('span', { i18n: 'users.status.locked' })));
  if (!badges.length) badges.push(h('span', { class: 'badge', 'data-status': 'active', i18n: 'users.status.active' }));
  return h('span', { class: 'badges' }, badges);
}

// Icon buttons keep the row compact; the name is in the accessible label and the tooltip.
function actionButton(action, iconName, labelKey, onclick, danger = false) {
  return h(
    'button',
    { type: 'button', class: `btn-icon row-action${danger ? ' danger' : ''}`, 'data-action': action, i18nAttr: { title: labelKey }, onclick },
    icon(iconName),
    h('span', { class: 'sr-only', i18n: labelKey }),
  );
}

export async function renderUsers(view) {
  const canCreate = can('user', 'create');
  const canWrite = can('user', 'write');
  const canDelete = can('user', 'delete');

  const addButton = canCreate
    ? h('button', { type: 'button', id: 'user-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'users.add' }))
    : null;
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('users.title', 'users.subtitle', addButton), body);

  let users;
  try {
    users = await api.usersList();
  } catch (err) {
    addButton?.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }

  // Role choices: roles_list needs role/read; without it, offer the roles already in use.
  let roles;
  try {
    roles = await api.rolesList();
  } catch {
    const seen = new Map();
    for (const u of users) seen.set(u.role_id, { id: u.role_id, name_ar: u.role_name_ar, name_en: u.role_name_en });
    roles = [...seen.values()];
  }

  const banner = h('div', { class: 'banner-slot' });
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'users-table', class: 'data-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['users.username', 'users.full_name', 'users.role', 'users.status_col', 'users.last_login'].map((k) => h('th', { scope: 'col', i18n: k })),
        h('th', { scope: 'col', class: 'col-actions' }, h('span', { i18n: 'common.actions' })),
      ),
    ),
    tbody,
  );

  const { dialog: userDialog, open: openUser } = userDialogFor(roles, reload);
  const { dialog: pwDialog, open: openPassword } = passwordDialog();
  body.replaceChildren(banner, h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table)), userDialog, pwDialog);
  addButton?.addEventListener('click', () => openUser(null));

  // Runs an action on one user; failures show in the banner above the table.
  async function act(fn, toastKey) {
    banner.replaceChildren();
    try {
      await fn();
      await reload();
      showToast(toastKey);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  function row(u) {
    const actions = [];
    if (canWrite) {
      actions.push(actionButton('edit', 'edit', 'common.edit', () => openUser(u)));
      actions.push(actionButton('reset-password', 'key', 'users.reset_password', () => openPassword(u)));
      if (u.locked) actions.push(actionButton('unlock', 'unlock', 'users.unlock', () => act(() => api.usersUnlock(u.id), 'toast.unlocked')));
      else actions.push(actionButton('lock', 'lock', 'users.lock', () => act(() => api.usersLock(u.id), 'toast.locked')));
    }
    if (canDelete) {
      actions.push(
        actionButton('delete', 'trash', 'common.delete', async () => {
          const ok = await confirmDialog({ title: 'users.delete_title', message: ['users.delete_confirm', { name: u.username }], confirm: 'common.delete', danger: true });
          if (ok) act(() => api.usersDelete(u.id), 'toast.deleted');
        }, true),
      );
    }
    return h(
      'tr',
      { 'data-username': u.username, 'data-id': u.id },
      h('td', null, h('bdi', { class: 'username' }, u.username)),
      h('td', null, u.full_name || h('span', { class: 'muted' }, '—'), u.email ? h('div', { class: 'sub' }, h('bdi', null, u.email)) : null),
      h('td', { class: 'nowrap' }, h('span', { bi: { ar: u.role_name_ar, en: u.role_name_en } })),
      h('td', null, statusBadges(u)),
      h('td', { class: 'nowrap' }, timeEl(u.last_login_at)),
      h('td', { class: 'col-actions' }, h('div', { class: 'row-actions' }, actions)),
    );
  }

  function fillTable(list) {
    tbody.replaceChildren(
      ...(list.length ? list.map(row) : [h('tr', null, h('td', { colspan: 6, class: 'empty', i18n: 'common.empty' }))]),
    );
    localize(tbody);
  }

  async function reload() {
    fillTable(await api.usersList());
  }

  fillTable(users);
  localize(body);
}

/** #user-dialog: add (username + password) or edit (enabled) a user. */
function userDialogFor(roles, reload) {
  const error = formErrorArea('user-form-error');
  const roleField = field({
    name: 'role_id',
    label: 'users.role',
    type: 'select',
    required: true,
    options: roles.map((r) => ({ value: r.id, bi: { ar: r.name_ar, en: r.name_en } })),
  });
  const localeField = field({
    name: 'locale',
    label: 'users.locale',
    type: 'select',
    options: [
      { value: '', i18n: 'users.locale_default' },
      { value: 'ar', i18n: 'lang.ar' },
      { value: 'en', i18n: 'lang.en' },
    ],
  });
  const usernameField = field({ name: 'username', label: 'users.username', required: true, dir: 'ltr', attrs: { autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false' } });
  const passwordField = field({ name: 'password', label: 'users.password', type: 'password', required: true, dir: 'ltr', hint: 'setup.password_hint', attrs: { autocomplete: 'new-password' } });
  const enabledField = field({ name: 'enabled', label: 'users.enabled', type: 'checkbox', hint: 'users.enabled_hint' });
  const save = h('button', { type: 'submit', id: 'user-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }));
  const form = h(
    'form',
    { id: 'user-form', class: 'modal-body', novalidate: true },
    h(
      'div',
      { class: 'grid-2' },
      usernameField,
      field({ name: 'full_name', label: 'users.full_name', required: true, dir: 'auto' }),
      field({ name: 'email', label: 'users.email', type: 'email', dir: 'ltr' }),
      passwordField,
      roleField,
      localeField,
    ),
    enabledField,
    error,
    h('div', { class: 'modal-actions' }, save, h('button', { type: 'button', id: 'user-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() })),
  );
  const dialog = modal({ id: 'user-dialog', title: 'users.add_title', body: form, wide: true });
  const heading = dialog.querySelector('h2');
  let editing = null;
  const f = (n) => form.elements[n];

  function open(user) {
    editing = user;
    form.reset();
    clearErrors(form);
    heading.dataset.i18n = user ? 'users.edit_title' : 'users.add_title';
    usernameField.hidden = false;
    f('username').disabled = Boolean(user);
    passwordField.hidden = Boolean(user);
    f('password').disabled = Boolean(user);
    enabledField.hidden = !user;
    f('username').value = user?.username ?? '';
    f('full_name').value = user?.full_name ?? '';
    f('email').value = user?.email ?? '';
    f('password').value = '';
    // Keep the current role selectable even if the list could not include it.
    if (user && ![...f('role_id').options].some((o) => o.value === user.role_id)) {
      f('role_id').append(option({ value: user.role_id, bi: { ar: user.role_name_ar, en: user.role_name_en } }));
    }
    const salesUser = roles.find((r) => r.builtin_key === 'sales_user');
    f('role_id').value = user ? user.role_id : (salesUser || roles[0])?.id ?? '';
    f('locale').value = user?.locale ?? '';
    f('enabled').checked = user ? Boolean(user.enabled) : true;
    localize(dialog);
    dialog.showModal();
    (user ? f('full_name') : f('username')).focus();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const common = {
      full_name: f('full_name').value.trim(),
      email: f('email').value.trim(),
      role_id: f('role_id').value,
      locale: f('locale').value || null,
    };
    save.disabled = true;
    try {
      if (editing) {
        await api.usersUpdate(editing.id, { ...common, enabled: f('enabled').checked });
      } else {
        await api.usersAdd({ username: f('username').value.trim(), password: f('password').value, ...common });
      }
      dialog.close();
      await reload();
      showToast('toast.saved');
    } catch (err) {
      applyServerError(form, err, error, { role: 'role_id' });
    } finally {
      save.disabled = false;
    }
  });
  return { dialog, open };
}

/** #password-dialog: set a new password for another user. */
function passwordDialog() {
  const error = formErrorArea('password-reset-error');
  const save = h('button', { type: 'submit', id: 'password-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'users.reset_password' }));
  const who = h('p', { class: 'muted' });
  const form = h(
    'form',
    { id: 'password-reset-form', class: 'modal-body', novalidate: true },
    who,
    field({ name: 'password', label: 'users.new_password', type: 'password', required: true, dir: 'ltr', hint: 'setup.password_hint', attrs: { autocomplete: 'new-password' } }),
    error,
    h('div', { class: 'modal-actions' }, save, h('button', { type: 'button', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() })),
  );
  const dialog = modal({ id: 'password-dialog', title: 'users.reset_password_title', body: form });
  let target = null;

  function open(user) {
    target = user;
    form.reset();
    clearErrors(form);
    who.dataset.i18n = 'users.reset_password_for';
    who.dataset.i18nVars = JSON.stringify({ name: user.username });
    localize(dialog);
    dialog.showModal();
    form.elements.password.focus();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    save.disabled = true;
    try {
      await api.usersResetPassword(target.id, form.elements.password.value);
      dialog.close();
      showToast('toast.password_reset');
    } catch (err) {
      applyServerError(form, err, error);
    } finally {
      save.disabled = false;
    }
  });
  return { dialog, open };
}
