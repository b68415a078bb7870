// "Contact from text" (#paste-dialog): paste an email signature, a forwarded WhatsApp
// contact, business-card text or a vCard into #paste-text; #paste-fill reads it in
// the backend and opens the new-contact form filled in, for the user to check.
import { h, localize } from '../dom.js';
import { api } from '../api.js';
import { modal } from './dialogs.js';
import { icon } from './icons.js';
import { errorBanner } from './error-banner.js';

export function pasteDialog({ onRead }) {
  const banner = h('div', { class: 'banner-slot' });
  const text = h('textarea', { id: 'paste-text', name: 'text', rows: 12, dir: 'auto', spellcheck: 'false', i18nAttr: { placeholder: 'clist.paste.placeholder' } });
  const fill = h('button', { type: 'submit', id: 'paste-fill', class: 'btn btn-primary' }, icon('clipboard'), h('span', { i18n: 'clist.paste.fill' }));
  const form = h(
    'form',
    { class: 'modal-body', id: 'paste-form' },
    h('p', { class: 'muted', i18n: 'clist.paste.intro' }),
    banner,
    h('label', { for: text.id, class: 'sr-only', i18n: 'clist.paste.title' }),
    text,
    h('div', { class: 'modal-actions' }, fill, h('button', { type: 'button', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() })),
  );
  const dialog = modal({ id: 'paste-dialog', title: 'clist.paste.title', body: form, wide: true });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) {
      text.focus();
      return;
    }
    fill.disabled = true;
    try {
      const input = await api.contactsParseText(text.value);
      dialog.close();
      // Empty choices (owner, source…) leave the form's defaults in place.
      onRead(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)));
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    } finally {
      fill.disabled = false;
    }
  });

  function open() {
    form.reset();
    banner.replaceChildren();
    localize(dialog);
    dialog.showModal();
    text.focus();
  }

  return { dialog, open };
}
