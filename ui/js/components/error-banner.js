// The banner a view shows when the backend refuses (e.g. not_permitted).
import { h } from '../dom.js';
import { localError } from '../api.js';
import { icon } from './icons.js';

export function errorBanner(raw) {
  // Anything that is not a worded backend error (a bug, say) gets the generic message.
  const err = raw && (raw.message_ar || raw.message_en) ? raw : localError('internal_error', 'errors.unexpected');
  return h(
    'div',
    { class: 'error-banner', role: 'alert', 'data-code': err.code },
    icon('alert'),
    h('p', { bi: { ar: err.message_ar, en: err.message_en } }),
  );
}

/** Loading placeholder for a view or a card while data arrives. */
export function loading() {
  return h('div', { class: 'loading', 'aria-busy': 'true' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'common.loading' }));
}
