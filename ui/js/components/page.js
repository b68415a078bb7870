// Page heading with optional action buttons at the inline end.
import { h } from '../dom.js';

export function pageHeader(titleKey, subtitleKey, ...actions) {
  return h(
    'div',
    { class: 'page-header' },
    h('div', null, h('h1', { i18n: titleKey }), subtitleKey ? h('p', { class: 'page-subtitle', i18n: subtitleKey }) : null),
    actions.length ? h('div', { class: 'page-actions' }, actions) : null,
  );
}

/** A white card with an optional heading. */
export function card(titleKey, ...children) {
  return h('section', { class: 'card' }, titleKey ? h('h2', { class: 'card-title', i18n: titleKey }) : null, children);
}
