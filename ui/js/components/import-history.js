// Past imports, newest first (#import-history tr[data-batch-id][data-undone]), each with
// its counts, who and when, and Undo (button[data-action=undo], confirmed in
// #confirm-dialog) until it is undone.
import { h, localize, numEl, timeEl } from '../dom.js';
import { fileNameText } from '../format.js';
import { api } from '../api.js';
import { showToast } from '../toast.js';
import { confirmDialog } from './dialogs.js';
import { errorBanner } from './error-banner.js';
import { icon } from './icons.js';

const COLS = ['file', 'kind', 'when', 'result', 'status'];
// The counts of a batch, as the list shows them: [field of Batch, label].
const COUNTS = [['rows_total', 'rows'], ['created', 'new'], ['updated', 'updated'], ['duplicates', 'duplicate'], ['invalid', 'invalid']];

/** Asks, then undoes batch `b`; resolves to the undone batch, or null. `fail(err)` shows a refusal. */
export async function undoBatch(b, fail) {
  const ok = await confirmDialog({
    title: 'imp.history.undo_title',
    message: ['imp.history.undo_confirm', { file: fileNameText(b.file_name), created: b.created, updated: b.updated }],
    confirm: 'imp.history.undo',
    danger: true,
  });
  if (!ok) return null;
  fail(null);
  try {
    const done = await api.importUndo(b.id);
    showToast(['imp.result.undone', { created: done.created, updated: done.updated }]);
    return done;
  } catch (err) {
    fail(err);
    return null;
  }
}

/** importHistory({onUndone}) → {el, refresh()} */
export function importHistory({ onUndone }) {
  const banner = h('div', { class: 'banner-slot' });
  const fail = (err) => {
    banner.replaceChildren(...(err ? [errorBanner(err)] : []));
    localize(banner);
  };
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'data-table import-history-table' },
    h('caption', { class: 'sr-only', i18n: 'imp.history.title' }),
    h('thead', null, h('tr', null, COLS.map((c) => h('th', { scope: 'col', class: `col-${c}`, i18n: `imp.history.${c}` })), h('th', { scope: 'col', class: 'col-actions' }))),
    tbody,
  );
  const el = h(
    'section',
    { id: 'import-history', class: 'stack', 'aria-labelledby': 'import-history-title' },
    h('h2', { id: 'import-history-title', class: 'import-history-title', i18n: 'imp.history.title' }),
    banner,
    h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table)),
  );

  function row(b) {
    const undone = Boolean(b.undone_at);
    const undo = undone
      ? null
      : h('button', { type: 'button', class: 'btn btn-ghost btn-sm row-action danger', 'data-action': 'undo' }, icon('undo'), h('span', { i18n: 'imp.history.undo' }));
    undo?.addEventListener('click', async () => {
      undo.disabled = true;
      const done = await undoBatch(b, fail);
      undo.disabled = false;
      if (done) {
        await refresh();
        onUndone?.(done);
      }
    });
    const status = undone
      ? h('span', { class: 'import-undone' }, h('span', { class: 'badge import-batch-status', 'data-status': 'undone', i18n: 'imp.history.undone' }), h('div', { class: 'sub nowrap' }, timeEl(b.undone_at)))
      : h('span', { class: 'badge import-batch-status', 'data-status': 'done', i18n: 'imp.history.done' });
    return h(
      'tr',
      { 'data-batch-id': b.id, 'data-undone': String(undone) },
      h('th', { scope: 'row', class: 'col-file' }, h('bdi', null, fileNameText(b.file_name)), h('div', { class: 'sub', dir: 'auto' }, b.sheet)),
      h('td', { class: 'nowrap', i18n: `imp.kind.${b.kind}` }),
      h('td', { class: 'nowrap' }, timeEl(b.created_at), h('div', { class: 'sub', dir: 'auto' }, b.created_by_name)),
      h(
        'td',
        { class: 'col-result' },
        h('span', { class: 'mini-counts' }, COUNTS.map(([k, label]) => h('span', { class: 'mini-count', 'data-count': k, 'data-value': String(b[k]) }, h('b', null, numEl(b[k])), ' ', h('span', { i18n: `imp.history.${label}` })))),
      ),
      h('td', null, status),
      h('td', { class: 'col-actions' }, undo),
    );
  }

  async function refresh() {
    try {
      const list = await api.importBatches();
      tbody.replaceChildren(...(list.length ? list.map(row) : [h('tr', null, h('td', { class: 'empty', colspan: String(COLS.length + 1), i18n: 'imp.history.empty' }))]));
      localize(el);
    } catch (err) {
      fail(err);
    }
  }

  return { el, refresh };
}
