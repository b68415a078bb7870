// Tasks (#/tasks = my tasks, #/tasks/team = everything the user may read, #/tasks/<id>
// opens one in the dialog). Sorted by due date, then the most urgent first.
// Element ids for tests:
//   #task-add; tabs .task-tabs a[data-tab=mine|team] (team only with the "all" read right)
//   #tasks-filter-status (open|to_do|in_progress|done|cancelled|all), #tasks-filter-priority,
//   #tasks-filter-assignee (team tab), #tasks-filter-from, #tasks-filter-to, #tasks-filters-clear
//   #tasks-table tr[data-task-id][data-status] button[data-action=start|done|reopen|edit]
//   #tasks-empty[data-state], #tasks-more, #tasks-status
import { h, localize, setText, timeEl } from '../dom.js';
import { api } from '../api.js';
import { can, scope, state } from '../state.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { showToast } from '../toast.js';
import { taskDialog, linkChip, PRIORITIES, TASK_STATUSES } from '../components/task-dialog.js';
import { loadDirectory } from '../contacts.js';
import { todayIso, dayInstant } from '../sales.js';

const PAGE = 100;

export const taskHref = (id) => `#/tasks/${encodeURIComponent(id)}`;

/** Whether the user sees the team tab: the read right over every task. */
export const readsTeam = () => scope('task', 'read') === 'all';

function select(id, labelKey, options) {
  const el = h('select', { id, name: id }, options.map(([value, key]) => h('option', { value, i18n: key })));
  return { el, wrap: h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: labelKey }), el) };
}

function estimateText(m) {
  if (!m) return null;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return [hours ? h('span', { i18n: ['task.hours', { n: hours }] }) : null, hours && rest ? h('span', { i18n: 'task.and' }) : null, rest ? h('span', { i18n: ['task.minutes', { n: rest }] }) : null];
}

/** tab: 'mine' | 'team'; openId: a task to open at once (from a link or a notification). */
export async function renderTasks(view, tab = 'mine', openId = null) {
  if (tab === 'team' && !readsTeam()) tab = 'mine';
  const canCreate = can('task', 'create');
  const addButton = canCreate ? h('button', { type: 'button', id: 'task-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'task.add' })) : null;
  const tabLink = (key, href, label) => h('li', null, h('a', { href, 'data-tab': key, class: 'tab', 'aria-current': key === tab ? 'page' : null, i18n: label }));
  const tabs = h('nav', { class: 'tabs task-tabs', i18nAttr: { 'aria-label': 'task.tabs_label' } }, h('ul', null, tabLink('mine', '#/tasks', 'task.tab.mine'), readsTeam() ? tabLink('team', '#/tasks/team', 'task.tab.team') : null));

  const fStatus = select('tasks-filter-status', 'task.filter.status', [['open', 'task.open_only'], ...TASK_STATUSES.map((s) => [s, `task.status.${s}`]), ['all', 'task.any']]);
  const fPriority = select('tasks-filter-priority', 'task.filter.priority', [['', 'task.any'], ...PRIORITIES.map((p) => [p, `task.priority.${p}`])]);
  const fAssignee = select('tasks-filter-assignee', 'task.filter.assignee', [['', 'task.any']]);
  const fFrom = h('input', { type: 'date', id: 'tasks-filter-from', dir: 'ltr' });
  const fTo = h('input', { type: 'date', id: 'tasks-filter-to', dir: 'ltr' });
  const clearFilters = h('button', { type: 'button', id: 'tasks-filters-clear', class: 'btn btn-ghost btn-sm', hidden: true, i18n: 'task.clear_filters' });
  const filters = h(
    'div',
    { class: 'list-filters', role: 'group', i18nAttr: { 'aria-label': 'task.filters' } },
    fStatus.wrap,
    fPriority.wrap,
    tab === 'team' ? fAssignee.wrap : null,
    h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'task.filter.due_from' }), fFrom),
    h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'task.filter.due_to' }), fTo),
    clearFilters,
  );

  const status = h('p', { id: 'tasks-status', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const cols = ['title', 'due', 'priority', 'assignees', 'status', 'actions'];
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'tasks-table', class: 'data-table tasks-table' },
    h('caption', { class: 'sr-only', i18n: `task.tab.${tab}` }),
    h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col', class: `col-${c}`, i18n: `task.col.${c}` })))),
    tbody,
  );
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('section', { id: 'tasks-empty', class: 'card empty-state', hidden: true });
  const more = h('button', { type: 'button', id: 'tasks-more', class: 'btn btn-secondary', hidden: true, i18n: 'task.more' });
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('task.title', 'task.subtitle', addButton), tabs, body);

  let directory;
  try {
    directory = await loadDirectory();
  } catch (err) {
    addButton?.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }
  for (const c of directory) fAssignee.el.append(h('option', { value: c.id }, c.full_name || c.username));

  const editor = taskDialog({ directory, onSaved: () => refresh() });
  addButton?.addEventListener('click', () => editor.open(null));
  body.replaceChildren(filters, status, banner, tableCard, empty, h('div', { class: 'load-more' }, more), editor.dialog);

  const today = todayIso();
  const me = state.me?.user?.id;

  async function setStatus(task, to) {
    try {
      await api.tasksSetStatus(task.id, to);
      showToast(`task.toast.${to}`);
      refresh();
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  function actions(task) {
    const btn = (action, key, iconName, cls, to) =>
      h('button', { type: 'button', class: `btn btn-sm ${cls}`, 'data-action': action, onclick: () => (to ? setStatus(task, to) : editor.open(task)) }, iconName ? icon(iconName) : null, h('span', { i18n: key }));
    return h(
      'div',
      { class: 'task-actions' },
      task.status === 'to_do' ? btn('start', 'task.action.start', null, 'btn-secondary', 'in_progress') : null,
      ['to_do', 'in_progress'].includes(task.status) ? btn('done', 'task.action.done', 'check', 'btn-accent', 'done') : null,
      ['done', 'cancelled'].includes(task.status) ? btn('reopen', 'task.action.reopen', 'undo', 'btn-ghost', 'to_do') : null,
      btn('edit', 'task.action.edit', 'edit', 'btn-ghost', null),
    );
  }

  function row(task) {
    const open = ['to_do', 'in_progress'].includes(task.status);
    const overdue = open && task.due_on && task.due_on < today;
    const mine = task.assignees.some((a) => a.id === me);
    return h(
      'tr',
      { 'data-task-id': task.id, 'data-status': task.status, 'data-priority': task.priority, class: mine ? 'task-mine' : null },
      h(
        'td',
        { class: 'col-title' },
        h('a', { href: taskHref(task.id), class: 'task-title-link' }, h('bdi', null, task.title)),
        h('div', { class: 'sub task-meta' }, linkChip(task.link, task.link_label), task.estimate_minutes ? h('span', { class: 'task-estimate' }, icon('audit'), estimateText(task.estimate_minutes)) : null, task.attachments ? h('span', { class: 'task-files-count', i18n: ['task.files', { n: task.attachments }] }) : null),
      ),
      h(
        'td',
        { class: `col-due nowrap${overdue ? ' due' : ''}` },
        task.due_on ? [timeEl(dayInstant(task.due_on), 'date'), task.due_time ? h('div', { class: 'sub task-time' }, h('bdi', { dir: 'ltr' }, task.due_time.slice(0, 5))) : null] : h('span', { class: 'muted', i18n: 'task.no_due' }),
        overdue ? h('span', { class: 'badge due-badge', i18n: 'task.overdue' }) : null,
      ),
      h('td', { class: 'col-priority' }, h('span', { class: 'badge task-priority', 'data-priority': task.priority, i18n: `task.priority.${task.priority}` })),
      h('td', { class: 'col-assignees' }, h('ul', { class: 'task-people' }, task.assignees.map((a) => h('li', { 'data-user-id': a.id }, h('bdi', null, a.name))))),
      h('td', { class: 'col-status' }, h('span', { class: 'badge task-status', 'data-status': task.status, i18n: `task.status.${task.status}` })),
      h('td', { class: 'col-actions' }, actions(task)),
    );
  }

  const filtering = () => Boolean(fStatus.el.value !== 'open' || fPriority.el.value || fAssignee.el.value || fFrom.value || fTo.value);

  function query(offset = 0) {
    const s = fStatus.el.value;
    return {
      mine: tab === 'mine',
      assignee: tab === 'team' && fAssignee.el.value ? fAssignee.el.value : null,
      statuses: s === 'open' || s === 'all' ? [] : [s],
      all_statuses: s === 'all',
      priority: fPriority.el.value || null,
      due_from: fFrom.value || null,
      due_to: fTo.value || null,
      limit: PAGE,
      offset,
    };
  }

  function showEmpty() {
    const searching = filtering();
    const key = searching ? 'no_match' : `${tab}_title`;
    empty.replaceChildren(
      h('span', { class: 'empty-icon' }, icon(searching ? 'search' : 'tasks')),
      h('h2', { i18n: `task.empty.${key}` }),
      h('p', { class: 'muted', i18n: searching ? 'task.empty.no_match_text' : `task.empty.${tab}_text` }),
    );
    empty.dataset.state = searching ? 'no-results' : 'no-tasks';
    localize(empty);
  }

  let seq = 0;
  let shown = 0;
  function show(list, append) {
    if (!append) tbody.replaceChildren();
    tbody.append(...list.map(row));
    shown = tbody.children.length;
    more.hidden = list.length < PAGE;
    tableCard.hidden = shown === 0;
    empty.hidden = shown !== 0;
    clearFilters.hidden = !filtering();
    if (shown === 0) showEmpty();
    setText(status, ['task.results', { n: shown }]);
    localize(tbody);
  }

  async function refresh() {
    const mine = ++seq;
    try {
      const list = await api.tasksList(query());
      if (mine !== seq) return;
      banner.replaceChildren();
      show(list, false);
    } catch (err) {
      if (mine !== seq) return;
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  for (const el of [fStatus.el, fPriority.el, fAssignee.el, fFrom, fTo]) el.addEventListener('change', refresh);
  clearFilters.addEventListener('click', () => {
    fStatus.el.value = 'open';
    fPriority.el.value = '';
    fAssignee.el.value = '';
    fFrom.value = '';
    fTo.value = '';
    refresh();
  });
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      show(await api.tasksList(query(shown)), true);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    } finally {
      more.disabled = false;
    }
  });
  // A title link opens the task in the dialog without leaving the list.
  tbody.addEventListener('click', (e) => {
    const link = e.target.closest('a.task-title-link');
    if (!link) return;
    e.preventDefault();
    const id = link.closest('tr').dataset.taskId;
    api.tasksGet(id).then((task) => editor.open(task), (err) => banner.replaceChildren(errorBanner(err)));
  });

  localize(view);
  await refresh();
  if (openId) {
    try {
      editor.open(await api.tasksGet(openId));
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }
}
