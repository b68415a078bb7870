// The language switch that every screen carries (#lang-toggle). It only announces the
// wish; main.js decides what switching means (localStorage, locale_set when logged in).
import { h } from '../dom.js';
import { icon } from './icons.js';

export function langToggle() {
  return h(
    'button',
    {
      type: 'button',
      id: 'lang-toggle',
      class: 'btn btn-ghost lang-toggle',
      i18nAttr: { title: 'lang.switch_label', 'aria-label': 'lang.switch_label' },
      onclick: () => document.dispatchEvent(new CustomEvent('maarid:toggle-locale')),
    },
    icon('globe'),
    h('span', { i18n: 'lang.switch_to', i18nAttr: { lang: 'lang.switch_code' } }),
  );
}
