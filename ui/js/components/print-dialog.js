// Print a sales document: choose the language, then open the PDF in the system viewer,
// save it where the user chooses, or send it to the printer. Ids: #print-dialog,
// input[name=print-lang] (ar | en | both), #print-open, #print-save, #print-print,
// #print-result[data-path] (the file written).
import { h, localize, setText } from '../dom.js';
import { api } from '../api.js';
import { getLocale } from '../i18n.js';
import { showToast } from '../toast.js';
import { modal } from './dialogs.js';
import { errorBanner } from './error-banner.js';
import { icon } from './icons.js';

const DONE = { open: 'opened', save: 'saved', print: 'printed' };

/** printDialog() → {dialog, open(docType, id, number)} */
export function printDialog() {
  let target = null;
  const langs = ['ar', 'en', 'both'].map((l) =>
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'print-lang', value: l }), h('span', { i18n: `quote.print_dialog.lang_${l}` })),
  );
  const result = h('p', { id: 'print-result', class: 'note', hidden: true });
  const banner = h('div', { class: 'banner-slot' });
  const buttons = ['open', 'save', 'print'].map((action) =>
    h('button', { type: 'button', id: `print-${action}`, class: action === 'open' ? 'btn btn-primary' : 'btn btn-secondary', onclick: () => run(action) }, icon(action === 'save' ? 'download' : 'print'), h('span', { i18n: `quote.print_dialog.${action}` })),
  );
  const body = h(
    'div',
    { class: 'modal-body' },
    h('fieldset', { class: 'radio-group' }, h('legend', { i18n: 'quote.print_dialog.language' }), langs),
    banner,
    result,
    h('div', { class: 'modal-actions' }, buttons),
  );
  const dialog = modal({ id: 'print-dialog', title: 'quote.print', body });
  const heading = dialog.querySelector('h2');

  async function run(action) {
    const lang = dialog.querySelector('input[name=print-lang]:checked')?.value || 'ar';
    banner.replaceChildren();
    buttons.forEach((b) => (b.disabled = true));
    try {
      const out = await api.printDocument(target.docType, target.id, lang, action);
      if (!out) return; // the user closed the save dialog
      const key = out.opened === false ? 'written' : DONE[action];
      result.dataset.path = out.path;
      setText(result, [`quote.print_dialog.${key}`, { path: out.path }]);
      result.hidden = false;
      showToast([`quote.print_dialog.${key}`, { path: out.path }]);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  return {
    dialog,
    open(docType, id, number) {
      target = { docType, id };
      setText(heading, ['quote.print_dialog.title', { number }]);
      const current = dialog.querySelector(`input[name=print-lang][value=${getLocale()}]`);
      if (current) current.checked = true;
      result.hidden = true;
      delete result.dataset.path;
      banner.replaceChildren();
      localize(dialog);
      dialog.showModal();
    },
  };
}
