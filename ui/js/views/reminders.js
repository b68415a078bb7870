// Reminders (#/reminders, #/reminders/<id> opens that one in the form): mine, or
// everyone's for those who may read all; done, dismiss, snooze, edit, delete.
// Element ids for tests: #reminder-add, #reminders-scope-mine / #reminders-scope-all,
// #reminders-status, #reminders-table tr[data-reminder-id][data-status] with
// button[data-action=done|dismiss|edit|delete], details.snooze-menu button[data-snooze=
// ten_minutes|one_hour|tomorrow_morning|custom]; #reminders-empty; #snooze-dialog
// (#snooze-until, #snooze-apply).
import { h, localize, setText, timeEl } from '../dom.js';
import { state, scope } from '../state.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { confirmDialog, modal } from '../components/dialogs.js';
import { icon } from '../components/icons.js';
import { reminderDialog } from '../components/reminder-dialog.js';
import { showToast } from '../toast.js';
import { loadDirectory } from '../contacts.js';
import { rem, recordPath, localInputValue } from '../reminders.js';

const STATUSES = ['active', 'done', 'dismissed', 'all'];
const SNOOZES = ['ten_minutes', 'one_hour', 'tomorrow_morning', 'custom'];

function repeatText(r) {
  const rec = r.recurrence;
  if (!rec || rec.repeat === 'none') return h('span', { class: 'muted', i18n: 'rem.repeat.none' });
  const days = rec.repeat === 'weekly' ? rec.weekdays.map((d) => h('span', { class: 'day', i18n: `rem.weekday.${d}` })) : [];
  return h('span', { class: 'repeat-text' }, h('span', { i18n: `rem.repeat.${rec.repeat}` }), days.length ? [' · ', days] : null);
}

function linkCell(ref) {
  const path = recordPath(ref);
  if (!ref || ref.kind === 'reminder' || !path) return h('span', { class: 'muted' }, '—');
  return h('a', { href: `#/${path}`, class: 'record-link' }, icon('pin'), h('span', { i18n: `rem.link_kind.${ref.kind}` }));
}

/** A small form for "snooze until…"; resolves to a Date or null. */
function askUntil() {
  document.getElementById('snooze-dialog')?.remove();
  return new Promise((resolve) => {
    const input = h('input', { type: 'datetime-local', id: 'snooze-until', name: 'until', dir: 'ltr', required: true });
    input.value = localInputValue(new Date(Date.now() + 2 * 3600_000));
    const form = h(
      'form',
      { class: 'modal-body', method: 'dialog' },
      h('div', { class: 'field' }, h('label', { for: input.id, i18n: 'rem.snooze.custom_label' }), input),
      h(
        'div',
        { class: 'modal-actions' },
        h('button', { type: 'submit', id: 'snooze-apply', class: 'btn btn-primary', value: 'ok', i18n: 'rem.snooze.apply' }),
        h('button', { type: 'submit', class: 'btn btn-secondary', value: 'cancel', formnovalidate: true, i18n: 'common.cancel' }),
      ),
    );
    const dialog = modal({ id: 'snooze-dialog', title: 'rem.snooze.custom_title', body: form });
    dialog.addEventListener('close', () => {
      const d = input.value ? new Date(input.value) : null;
      resolve(dialog.returnValue === 'ok' && d && !Number.isNaN(d.getTime()) ? d : null);
      dialog.remove();
    });
    document.body.append(dialog);
    localize(dialog);
    dialog.showModal();
    input.focus();
  });
}

export async function renderReminders(view, openId = null) {
  const readAll = scope('reminder', 'read') === 'all';
  const canCreate = scope('reminder', 'create') !== 'none';
  const addButton = canCreate ? h('button', { type: 'button', id: 'reminder-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'rem.add' })) : null;
  const scopeRadio = (v) =>
    h('span', { class: 'choice-button' }, h('input', { type: 'radio', name: 'rem-scope', id: `reminders-scope-${v}`, value: v, class: 'sr-only', checked: v === 'mine' }), h('label', { for: `reminders-scope-${v}`, i18n: v === 'mine' ? 'rem.mine' : 'rem.everyone' }));
  const scopeGroup = readAll ? h('div', { class: 'choice-buttons segmented', role: 'radiogroup', i18nAttr: { 'aria-label': 'rem.scope_label' } }, scopeRadio('mine'), scopeRadio('all')) : null;
  const statusSelect = h('select', { id: 'reminders-status' }, STATUSES.map((s) => h('option', { value: s, i18n: `rem.status.${s}` })));
  const filters = h('div', { class: 'list-filters' }, scopeGroup, h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'rem.status_label' }), statusSelect));
  const status = h('p', { id: 'reminders-count', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const cols = ['title', 'due', 'repeat', 'link', ...(readAll ? ['assignee'] : []), 'actions'];
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'reminders-table', class: 'data-table reminders-table' },
    h('caption', { class: 'sr-only', i18n: 'rem.title' }),
    h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col', class: `col-${c}`, i18n: `rem.col.${c}` })))),
    tbody,
  );
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h(
    'section',
    { id: 'reminders-empty', class: 'card empty-state', hidden: true },
    h('span', { class: 'empty-icon' }, icon('bell')),
    h('h2', { i18n: 'rem.empty_title' }),
    h('p', { class: 'muted', i18n: 'rem.empty_text' }),
  );
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('rem.title', 'rem.subtitle', addButton), body);

  const directory = await loadDirectory();
  const editor = reminderDialog({ directory, onSaved: () => load() });
  addButton?.addEventListener('click', () => editor.open(null));
  body.replaceChildren(filters, status, banner, tableCard, empty, editor.dialog);

  const me = state.me.user.id;
  let rows = [];

  function actions(r) {
    const active = r.status === 'active';
    const btn = (action, iconName) =>
      h('button', { type: 'button', class: 'btn btn-ghost btn-sm', 'data-action': action }, icon(iconName), h('span', { i18n: `rem.action.${action}` }));
    // The less frequent actions are icons with their name as tooltip and label.
    const iconBtn = (action, iconName) =>
      h('button', { type: 'button', class: 'btn-icon', 'data-action': action, i18nAttr: { 'aria-label': `rem.action.${action}`, title: `rem.action.${action}` } }, icon(iconName));
    const snooze = active
      ? h(
          'details',
          { class: 'snooze-menu' },
          h('summary', { class: 'btn btn-ghost btn-sm' }, icon('clock'), h('span', { i18n: 'rem.action.snooze' })),
          h('div', { class: 'menu-list', role: 'group' }, SNOOZES.map((s) => h('button', { type: 'button', class: 'menu-item', 'data-snooze': s, i18n: `rem.snooze.${s}` }))),
        )
      : null;
    return h('div', { class: 'row-actions' }, active ? btn('done', 'check') : null, snooze, active ? iconBtn('dismiss', 'x') : null, iconBtn('edit', 'edit'), iconBtn('delete', 'trash'));
  }

  function row(r) {
    const now = Date.now();
    const overdue = r.status === 'active' && new Date(r.fires_at).getTime() < now;
    return h(
      'tr',
      { 'data-reminder-id': r.id, 'data-status': r.status },
      h('td', { class: 'col-title' }, h('bdi', { class: 'reminder-title' }, r.title), r.note ? h('div', { class: 'sub' }, h('bdi', null, r.note)) : null),
      h(
        'td',
        { class: `col-due nowrap${overdue ? ' due' : ''}` },
        timeEl(r.status === 'active' ? r.fires_at : r.next_at),
        r.snoozed_until && r.status === 'active' ? h('span', { class: 'badge', i18n: 'rem.snoozed' }) : null,
        overdue ? h('span', { class: 'badge due-badge', i18n: 'rem.overdue' }) : null,
      ),
      h('td', { class: 'col-repeat' }, repeatText(r)),
      h('td', { class: 'col-link' }, linkCell(r.link)),
      readAll ? h('td', { class: 'col-assignee' }, h('bdi', null, r.assignee_name)) : null,
      h('td', { class: 'col-actions' }, actions(r)),
    );
  }

  async function load() {
    const s = statusSelect.value;
    const everyone = readAll && view.querySelector('#reminders-scope-all')?.checked;
    const query = { all_statuses: s === 'all', limit: 500 };
    if (s !== 'all') query.status = s;
    if (!everyone) query.assignee = me;
    try {
      rows = await rem.list(query);
      banner.replaceChildren();
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
      return;
    }
    tbody.replaceChildren(...rows.map(row));
    tableCard.hidden = rows.length === 0;
    empty.hidden = rows.length !== 0;
    setText(status, ['rem.results', { n: rows.length }]);
    localize(body);
  }

  async function act(id, action, how) {
    try {
      if (action === 'done') {
        await rem.done(id);
        showToast('rem.done_toast');
      } else if (action === 'dismiss') {
        await rem.dismiss(id);
        showToast('rem.dismissed_toast');
      } else if (action === 'snooze') {
        await rem.snooze(id, how);
        showToast('rem.snoozed_toast');
      } else if (action === 'delete') {
        const ok = await confirmDialog({ title: 'rem.delete_title', message: 'rem.delete_text', confirm: 'rem.action.delete', danger: true });
        if (!ok) return;
        await rem.remove(id);
        showToast('rem.deleted_toast');
      }
      await load();
    } catch (err) {
      showToast({ ar: err.message_ar, en: err.message_en }, 'error');
    }
  }

  tbody.addEventListener('click', async (e) => {
    const tr = e.target.closest('tr[data-reminder-id]');
    if (!tr) return;
    const id = tr.dataset.reminderId;
    const snoozeBtn = e.target.closest('[data-snooze]');
    if (snoozeBtn) {
      snoozeBtn.closest('details').open = false;
      const kind = snoozeBtn.dataset.snooze;
      if (kind !== 'custom') return act(id, 'snooze', { type: kind });
      const until = await askUntil();
      if (until) act(id, 'snooze', { type: 'until', until: until.toISOString() });
      return;
    }
    const action = e.target.closest('button[data-action]')?.dataset.action;
    if (action === 'edit') editor.open(rows.find((r) => r.id === id));
    else if (action) act(id, action);
  });
  statusSelect.addEventListener('change', load);
  scopeGroup?.addEventListener('change', load);

  await load();
  if (openId) {
    try {
      editor.open(await rem.get(openId));
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
    // The address stays on the list, so closing the form does not reopen it.
    history.replaceState(null, '', '#/reminders');
  }
}
