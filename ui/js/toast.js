// The global status line (#toast, role=status) for "Saved" and similar confirmations,
// optionally with one action button (e.g. Undo after a delete).
import { h, setText, setBilingual } from './dom.js';

let timer = null;

function reset(el) {
  el.replaceChildren();
  delete el.dataset.i18n;
  delete el.dataset.i18nVars;
  delete el.dataset.ar;
  delete el.dataset.en;
  delete el.dataset.action;
}

/**
 * show('toast.saved') or show({ar, en}) or show(['key', vars]); kind: success | error | info.
 * action: {label: dictionary key, run()} adds a button (#toast-action) that runs it once
 * and clears the message; such a toast stays longer so there is time to reach it.
 */
export function showToast(message, kind = 'success', action = null) {
  const el = document.getElementById('toast');
  if (!el) return;
  reset(el);
  // With a button the text goes in its own span: re-labelling the toast for a language
  // change must not wipe the button.
  const target = action ? h('span', { class: 'toast-text' }) : el;
  if (typeof message === 'string' || Array.isArray(message)) setText(target, message);
  else setBilingual(target, message);
  if (action) {
    const button = h('button', {
      type: 'button',
      id: 'toast-action',
      class: 'toast-action',
      i18n: action.label,
      onclick: () => {
        clearTimeout(timer);
        reset(el);
        action.run();
      },
      // While the keyboard is on the button, the message does not go away under it.
      onfocus: () => clearTimeout(timer),
      onblur: () => {
        clearTimeout(timer);
        timer = setTimeout(() => reset(el), 4000);
      },
    });
    el.append(target, button);
    el.dataset.action = '';
  }
  el.dataset.kind = kind;
  clearTimeout(timer);
  // The live region stays in the page (a hidden one is not announced); empty = invisible.
  timer = setTimeout(() => reset(el), action ? 10000 : 4000);
}
