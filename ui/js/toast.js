// The global status line (#toast, role=status) for "Saved" and similar confirmations.
import { setText, setBilingual } from './dom.js';

let timer = null;

/** show('toast.saved') or show({ar, en}); kind: success | error | info */
export function showToast(message, kind = 'success') {
  const el = document.getElementById('toast');
  if (!el) return;
  delete el.dataset.i18n;
  delete el.dataset.ar;
  delete el.dataset.en;
  if (typeof message === 'string') setText(el, message);
  else setBilingual(el, message);
  el.dataset.kind = kind;
  clearTimeout(timer);
  // The live region stays in the page (a hidden one is not announced); empty = invisible.
  timer = setTimeout(() => {
    el.textContent = '';
    delete el.dataset.i18n;
    delete el.dataset.ar;
    delete el.dataset.en;
  }, 4000);
}
