// Modal dialogs on the native <dialog>: focus is trapped, Escape closes them.
import { h } from '../dom.js';
import { icon } from './icons.js';

/**
 * A dialog with a heading, a close button and the given body. The caller appends it
 * (inside the view, so it disappears with the view) and calls showModal().
 */
export function modal({ id, title, body, wide = false }) {
  const heading = h('h2', { id: `${id}-title`, i18n: title });
  const dialog = h(
    'dialog',
    { id, class: wide ? 'modal modal-wide' : 'modal', 'aria-labelledby': heading.id },
    h(
      'header',
      { class: 'modal-header' },
      heading,
      h(
        'button',
        {
          type: 'button',
          class: 'btn-icon',
          'data-close': '',
          i18nAttr: { 'aria-label': 'common.close', title: 'common.close' },
          onclick: () => dialog.close('cancel'),
        },
        icon('close'),
      ),
    ),
    body,
  );
  return dialog;
}

/**
 * Ask for confirmation. message: dictionary key or [key, vars]. Resolves true/false.
 * Ids: #confirm-dialog, #confirm-ok, #confirm-cancel.
 */
export function confirmDialog({ title, message, confirm = 'common.confirm', danger = false }) {
  document.getElementById('confirm-dialog')?.remove();
  return new Promise((resolve) => {
    const form = h(
      'form',
      { class: 'modal-body', method: 'dialog' },
      h('p', { class: 'confirm-message', i18n: message }),
      h(
        'div',
        { class: 'modal-actions' },
        h('button', { type: 'submit', id: 'confirm-ok', class: danger ? 'btn btn-danger' : 'btn btn-primary', value: 'ok', i18n: confirm }),
        h('button', { type: 'submit', id: 'confirm-cancel', class: 'btn btn-secondary', value: 'cancel', formnovalidate: true, i18n: 'common.cancel' }),
      ),
    );
    const dialog = modal({ id: 'confirm-dialog', title, body: form });
    dialog.setAttribute('role', 'alertdialog');
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    // The safe choice has focus, so a stray Enter does not delete anything.
    dialog.querySelector('#confirm-cancel').focus();
  });
}
