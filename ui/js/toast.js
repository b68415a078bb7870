// The global status line (#toast, role=status) for "Saved" and similar confirmations,
// optionally with one action such as Undo (#toast-action).
import { h, setText, setBilingual } from './dom.js';

let timer = null;

function reset(el) {
  el.replaceChildren();
  delete el.dataset.i18n;
  delete el.dataset.ar;
  delete el.dataset.en;
  delete el.dataset.i18nVars;
}

/**
 * show('toast.saved') or show({ar, en}); kind: success | error | info.
 * action: { label: dictionary key, run: async () => {} } — e.g. Undo. The toast then
 * stays longer, and the button runs the action once.
 */
export function showToast(message, kind = 'success', action = null) {
  const el = document.getElementById('toast');
  if (!el) return;
  reset(el);
  el.dataset.kind = kind;
  if (action) {
    const text = h('span', { class: 'toast-text' });
    if (typeof message === 'string' || Array.isArray(message)) setText(text, message);
    else setBilingual(text, message);
    const button = h('button', { type: 'button', id: 'toast-action', class: 'toast-action', i18n: action.label });
    button.addEventListener('click', async () => {
      button.disabled = true;
      clearTimeout(timer);
      reset(el);
      await action.run();
    }, { once: true });
    el.append(text, button);
  } else if (typeof message === 'string' || Array.isArray(message)) setText(el, message);
  else setBilingual(el, message);
  clearTimeout(timer);
  // The live region stays in the page (a hidden one is not announced); empty = invisible.
  timer = setTimeout(() => reset(el), action ? 10000 : 4000);
}
