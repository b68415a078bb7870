// Importing a .vcf file from the contacts list: #contact-import-vcf opens a file
// picker; the cards are imported all or nothing and #import-dialog shows the report,
// card by card (#import-rows li[data-outcome]). When cards look like existing
// contacts, the user can skip them (#import-skip) or import them anyway (#import-allow).
import { h, localize, setText, setBilingual } from '../dom.js';
import { api } from '../api.js';
import { modal } from './dialogs.js';
import { errorBanner } from './error-banner.js';
import { KINDS } from '../contacts.js';

export function importVcf({ onImported }) {
  const picker = h('input', { type: 'file', accept: '.vcf,text/vcard,text/x-vcard', id: 'import-vcf-file', hidden: true });
  const kind = h('select', { id: 'import-kind', name: 'kind' }, KINDS.map((k) => h('option', { value: k, i18n: `contacts.kind.${k}` })));
  const summary = h('p', { id: 'import-summary', class: 'import-summary' });
  const rows = h('ol', { id: 'import-rows', class: 'import-rows' });
  const banner = h('div', { class: 'banner-slot' });
  const skip = h('button', { type: 'button', id: 'import-skip', class: 'btn btn-primary', hidden: true, i18n: 'clist.import.skip' });
  const allow = h('button', { type: 'button', id: 'import-allow', class: 'btn btn-secondary', hidden: true, i18n: 'clist.import.allow' });
  const body = h(
    'div',
    { class: 'modal-body' },
    h('label', { class: 'field' }, h('span', { class: 'label', i18n: 'clist.import.kind' }), kind),
    banner,
    summary,
    rows,
    h('div', { class: 'modal-actions' }, skip, allow, h('button', { type: 'button', class: 'btn btn-secondary', i18n: 'common.close', onclick: () => dialog.close() })),
  );
  const dialog = modal({ id: 'import-dialog', title: 'clist.import.title', body, wide: true });
  let text = '';

  function show(result) {
    const r = result.report;
    rows.replaceChildren(...r.rows.map((row) => {
      const li = h('li', { 'data-outcome': row.outcome }, h('bdi', { class: 'import-name' }, result.names[row.index] || '—'), ' — ');
      const what = h('span', { class: 'import-what' });
      if (row.error) setBilingual(what, { ar: row.error.message_ar, en: row.error.message_en });
      else setText(what, row.outcome === 'skipped_duplicate' ? 'clist.import.skipped_row' : r.saved ? 'clist.import.created_row' : 'clist.import.fine_row');
      li.append(what);
      return li;
    }));
    setText(summary, r.saved ? ['clist.import.done', { n: r.created, total: r.total, skipped: r.skipped }] : ['clist.import.refused', { n: r.errors, total: r.total }]);
    summary.dataset.saved = String(r.saved);
    const onlyDuplicates = !r.saved && r.rows.every((row) => !row.error || row.error.code === 'possible_duplicate');
    skip.hidden = !onlyDuplicates;
    allow.hidden = !onlyDuplicates;
    localize(dialog);
    if (r.saved) onImported(r);
  }

  async function run(policy) {
    banner.replaceChildren();
    try {
      show(await api.contactsImportVcf(text, kind.value, policy));
    } catch (err) {
      rows.replaceChildren();
      summary.textContent = '';
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  skip.addEventListener('click', () => run('skip'));
  allow.addEventListener('click', () => run('allow'));
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    if (!file) return;
    text = await file.text();
    picker.value = '';
    skip.hidden = true;
    allow.hidden = true;
    dialog.showModal();
    await run('refuse');
  });

  return { elements: [picker, dialog], open: () => picker.click() };
}
