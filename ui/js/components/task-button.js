// "New task" on a contact card, an inquiry or a quotation: opens the task dialog with
// the record already linked (#new-task-button). Null without the right to create tasks.
import { h } from '../dom.js';
import { can } from '../state.js';
import { loadDirectory } from '../contacts.js';
import { errorBanner } from './error-banner.js';
import { icon } from './icons.js';
import { taskDialog } from './task-dialog.js';

/** link: {kind, id}; label: what the record is called (name or number). */
export function newTaskButton(link, label) {
  if (!can('task', 'create')) return null;
  let editor = null;
  const button = h('button', { type: 'button', id: 'new-task-button', class: 'btn btn-secondary' }, icon('tasks'), h('span', { i18n: 'task.add' }));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (!editor) {
        editor = taskDialog({ directory: await loadDirectory() });
        // Inside the view, so it goes when the view is replaced.
        (document.getElementById('view') || document.body).append(editor.dialog);
      }
      editor.open(null, { link, label });
    } catch (err) {
      button.after(errorBanner(err));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
