// Modules planned for later versions: an honest panel instead of a dead link.
import { h } from '../dom.js';
import { icon } from '../components/icons.js';

const ICONS = {
  contacts: 'contacts',
  inquiries: 'inquiries',
  quotations: 'quotations',
  letters: 'letters',
  calendar: 'calendar',
  tasks: 'tasks',
  reports: 'reports',
};

export function notBuilt(module) {
  return (view) => {
    view.replaceChildren(
      h('div', { class: 'page-header' }, h('h1', { i18n: `nav.${module}` })),
      h(
        'section',
        { class: 'card not-built', 'data-module': module },
        h('span', { class: 'not-built-icon' }, icon(ICONS[module] || 'tools')),
        h('span', { class: 'badge badge-soon', i18n: 'not_built.badge' }),
        h('h2', { i18n: 'not_built.title' }),
        h('p', { class: 'not-built-what', i18n: `not_built.about.${module}` }),
        h('a', { href: '#/home', class: 'btn btn-secondary' }, icon('home'), h('span', { i18n: 'not_built.back' })),
      ),
    );
  };
}
