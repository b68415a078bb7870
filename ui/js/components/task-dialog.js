// The task form (#task-dialog, #task-form), for a new task and for edits.
// Element ids for tests:
//   #task-title, #task-description, #task-priority, #task-estimate, #task-due-on, #task-due-time
//   #task-assignees input[type=checkbox][value=<user id>] (one per colleague)
//   #task-link (the linked record, when there is one), #task-unlink
//   #task-save, #task-cancel; editing only: #task-delete, #task-cancel-task,
//   #task-attach, #task-files li[data-attachment-id] button[data-action=open|remove],
//   #task-history li[data-to]
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { state, can } from '../state.js';
import { field, clearErrors, formErrorArea, applyServerError, markInvalid } from '../forms.js';
import { showToast } from '../toast.js';
import { icon } from './icons.js';
import { modal, confirmDialog } from './dialogs.js';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
export const TASK_STATUSES = ['to_do', 'in_progress', 'done', 'cancelled'];

/** A short label for what a task points at: «جهة الاتصال: أحمد». */
export function linkChip(link, label) {
  if (!link) return null;
  return h('span', { class: 'task-link-chip', 'data-kind': link.kind }, h('span', { i18n: `task.link.${link.kind}` }), ': ', h('bdi', null, label || link.id));
}

/**
 * directory: colleagues [{id, username, full_name}] for the assignee picker;
 * onSaved(task, created) after a save, a status change or a delete (task null).
 * open(task | null, {link, label}) — a new task may come pre-linked to a record.
 */
export function taskDialog({ directory, onSaved }) {
  const error = formErrorArea('task-form-error');
  const title = field({ name: 'title', id: 'task-title', label: 'task.dialog.title', required: true, dir: 'auto', attrs: { maxlength: 200, autocomplete: 'off' } });
  const description = field({ name: 'description', id: 'task-description', label: 'task.dialog.description', type: 'textarea', rows: 3, dir: 'auto', attrs: { maxlength: 10000 } });
  const priority = field({ name: 'priority', id: 'task-priority', label: 'task.dialog.priority', type: 'select', value: 'normal', options: PRIORITIES.map((p) => ({ value: p, i18n: `task.priority.${p}` })) });
  const estimate = field({ name: 'estimate_minutes', id: 'task-estimate', label: 'task.dialog.estimate', type: 'number', dir: 'ltr', attrs: { min: 1, max: 100000, step: 1, inputmode: 'numeric' } });
  const dueOn = field({ name: 'due_on', id: 'task-due-on', label: 'task.dialog.due_on', type: 'date', dir: 'ltr' });
  const dueTime = field({ name: 'due_time', id: 'task-due-time', label: 'task.dialog.due_time', type: 'time', dir: 'ltr' });
  const people = h(
    'div',
    { class: 'task-assignee-list', id: 'task-assignees' },
    directory.map((c) => {
      const id = `task-assignee-${c.id}`;
      return h('label', { class: 'task-assignee', for: id }, h('input', { type: 'checkbox', id, name: 'assignees', value: c.id }), h('bdi', null, c.full_name || c.username));
    }),
  );
  const assignees = h('fieldset', { class: 'field-group' }, h('legend', { i18n: 'task.dialog.assignees' }), people, h('p', { class: 'hint', i18n: 'task.dialog.assignees_hint' }));
  const linkRow = h('div', { class: 'picked task-link-row', id: 'task-link', hidden: true });
  const files = h('ul', { id: 'task-files', class: 'task-files' });
  const attach = h('button', { type: 'button', id: 'task-attach', class: 'btn btn-secondary btn-sm' }, icon('upload'), h('span', { i18n: 'task.dialog.attach' }));
  const filesGroup = h('section', { class: 'task-files-group', hidden: true }, h('h3', { class: 'section-title', i18n: 'task.dialog.attachments' }), files, h('div', { class: 'task-files-actions' }, attach, h('span', { class: 'hint', i18n: 'task.dialog.attach_hint' })));
  const history = h('ol', { id: 'task-history', class: 'task-history' });
  const historyGroup = h('section', { hidden: true }, h('h3', { class: 'section-title', i18n: 'task.dialog.history' }), history);

  const save = h('button', { type: 'submit', id: 'task-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'task.dialog.save' }));
  const close = h('button', { type: 'button', id: 'task-cancel', class: 'btn btn-secondary', i18n: 'task.dialog.cancel' });
  const cancelTask = h('button', { type: 'button', id: 'task-cancel-task', class: 'btn btn-ghost', hidden: true, i18n: 'task.action.cancel' });
  const remove = h('button', { type: 'button', id: 'task-delete', class: 'btn btn-danger-ghost', hidden: true }, icon('trash'), h('span', { i18n: 'task.action.delete' }));
  const form = h(
    'form',
    { id: 'task-form', class: 'modal-form-body', novalidate: true },
    h('div', { class: 'modal-scroll' }, title, linkRow, description, assignees, h('div', { class: 'grid-2' }, priority, estimate), h('div', { class: 'grid-2' }, dueOn, dueTime), filesGroup, historyGroup, error),
    h('div', { class: 'modal-actions modal-footer' }, save, close, h('span', { class: 'spacer' }), cancelTask, remove),
  );
  const dialog = modal({ id: 'task-dialog', title: 'task.dialog.new_title', body: form, wide: true });
  // Long form: the fields scroll, the buttons stay.
  dialog.classList.add('modal-form');
  const heading = dialog.querySelector('h2');
  const $ = (name) => form.elements.namedItem(name);

  let editing = null; // the task being edited
  let link = null;

  function showLink(label) {
    linkRow.hidden = !link;
    if (!link) return linkRow.replaceChildren();
    linkRow.replaceChildren(
      h('span', { class: 'picked-text' }, h('span', { class: 'hint', i18n: 'task.dialog.linked' }), h('span', { class: 'picked-name' }, linkChip(link, label))),
      h('button', { type: 'button', id: 'task-unlink', class: 'btn btn-ghost btn-sm', i18n: 'task.dialog.unlink', onclick: () => { link = null; showLink(); } }),
    );
    localize(linkRow);
  }

  function fileRow(a) {
    return h(
      'li',
      { 'data-attachment-id': a.id },
      icon('note'),
      h('bdi', { class: 'task-file-name' }, a.file_name),
      h('span', { class: 'muted' }, `${Math.max(1, Math.round(a.size / 1024))} KB`),
      h('button', { type: 'button', class: 'btn btn-ghost btn-sm', 'data-action': 'open', i18n: 'task.dialog.open_file', onclick: () => api.tasksAttachmentOpen(a.id).catch((e) => showFormErrorFor(e)) }),
      h('button', {
        type: 'button',
        class: 'btn-icon',
        'data-action': 'remove',
        i18nAttr: { 'aria-label': 'task.dialog.remove_file', title: 'task.dialog.remove_file' },
        onclick: async () => {
          try {
            await api.tasksAttachmentRemove(a.id);
            await loadExtras();
            onSaved?.(await api.tasksGet(editing.id), false);
          } catch (e) {
            showFormErrorFor(e);
          }
        },
      }, icon('close')),
    );
  }

  function showFormErrorFor(err) {
    applyServerError(form, err, error);
    localize(error);
  }

  async function loadExtras() {
    if (!editing) return;
    const [list, events] = await Promise.all([api.tasksAttachments(editing.id), api.tasksHistory(editing.id)]);
    files.replaceChildren(...(list.length ? list.map(fileRow) : [h('li', { class: 'muted', i18n: 'task.dialog.no_attachments' })]));
    history.replaceChildren(
      ...events.map((e) =>
        h(
          'li',
          { 'data-to': e.to },
          timeEl(e.at),
          ' · ',
          e.from ? [h('span', { i18n: `task.status.${e.from}` }), ' ', h('span', { class: 'arrow', 'aria-hidden': 'true' }), ' '] : [h('span', { i18n: 'task.dialog.created' }), ' · '],
          h('span', { class: 'task-status-text', 'data-status': e.to, i18n: `task.status.${e.to}` }),
          e.by_name ? [' · ', h('span', { i18n: ['task.dialog.by', { name: e.by_name }] })] : null,
        ),
      ),
    );
    localize(filesGroup);
    localize(historyGroup);
  }

  attach.addEventListener('click', async () => {
    attach.disabled = true;
    try {
      const added = await api.tasksAttachPick(editing.id);
      if (added) {
        showToast('task.toast.attached');
        await loadExtras();
        onSaved?.(await api.tasksGet(editing.id), false);
      }
    } catch (e) {
      showFormErrorFor(e);
    } finally {
      attach.disabled = false;
    }
  });

  function input() {
    const minutes = $('estimate_minutes').value.trim();
    const time = $('due_time').value;
    return {
      title: $('title').value,
      description: $('description').value,
      assignees: [...people.querySelectorAll('input:checked')].map((c) => c.value),
      link,
      priority: $('priority').value,
      estimate_minutes: minutes ? Number(minutes) : null,
      due_on: $('due_on').value || null,
      due_time: time ? (time.length === 5 ? `${time}:00` : time) : null,
    };
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const minutes = $('estimate_minutes').value.trim();
    if (minutes && !/^\d+$/.test(minutes)) {
      markInvalid($('estimate_minutes'), 'task.dialog.estimate');
      return;
    }
    save.disabled = true;
    try {
      const saved = editing ? await api.tasksUpdate(editing.id, input()) : await api.tasksCreate(input());
      showToast(editing ? 'task.toast.saved' : 'task.toast.created');
      dialog.close('saved');
      onSaved?.(saved, !editing);
    } catch (err) {
      showFormErrorFor(err);
    } finally {
      save.disabled = false;
    }
  });
  close.addEventListener('click', () => dialog.close('cancel'));
  cancelTask.addEventListener('click', async () => {
    try {
      const saved = await api.tasksSetStatus(editing.id, 'cancelled');
      showToast('task.toast.cancelled');
      dialog.close('saved');
      onSaved?.(saved, false);
    } catch (err) {
      showFormErrorFor(err);
    }
  });
  remove.addEventListener('click', async () => {
    const ok = await confirmDialog({ title: 'task.confirm_delete_title', message: 'task.confirm_delete', confirm: 'task.action.delete', danger: true });
    if (!ok) return;
    try {
      await api.tasksDelete(editing.id);
      showToast('task.toast.deleted');
      dialog.close('deleted');
      onSaved?.(null, false);
    } catch (err) {
      showFormErrorFor(err);
    }
  });

  function open(task, preset = {}) {
    editing = task;
    form.reset();
    clearErrors(form);
    heading.dataset.i18n = task ? 'task.dialog.edit_title' : 'task.dialog.new_title';
    $('title').value = task?.title ?? '';
    $('description').value = task?.description ?? '';
    $('priority').value = task?.priority ?? 'normal';
    $('estimate_minutes').value = task?.estimate_minutes ?? '';
    $('due_on').value = task?.due_on ?? '';
    $('due_time').value = task?.due_time ? task.due_time.slice(0, 5) : '';
    const chosen = new Set((task?.assignees ?? []).map((a) => a.id));
    if (!task && state.me?.user?.id) chosen.add(state.me.user.id);
    people.querySelectorAll('input').forEach((c) => {
      c.checked = chosen.has(c.value);
    });
    link = task ? task.link : preset.link ?? null;
    showLink(task ? task.link_label : preset.label);
    filesGroup.hidden = !task;
    historyGroup.hidden = !task;
    cancelTask.hidden = !task || !['to_do', 'in_progress'].includes(task.status) || !can('task', 'cancel');
    remove.hidden = !task || !can('task', 'delete');
    files.replaceChildren();
    history.replaceChildren();
    localize(dialog);
    dialog.showModal();
    $('title').focus();
    if (task) loadExtras().catch(showFormErrorFor);
  }

  return { dialog, open };
}
