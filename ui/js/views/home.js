// Home: a welcome card (company, today's date) and tiles that lead to each module.
import { h, timeEl } from '../dom.js';
import { state, can } from '../state.js';
import { icon, logoMark } from '../components/icons.js';
import { WORK_MODULES, ADMIN_MODULES, visible } from '../modules.js';


export function renderHome(view) {
  const c = state.company;
  const user = state.me.user;
  const today = new Date();
  // A local-midnight ISO string keeps the <time> element re-formattable on language change.
  const iso = new Date(today.getFullYear(), today.getMonth(), today.getDate()).toISOString();
  const logo = c?.logo_data_url ? h('img', { src: c.logo_data_url, alt: '', class: 'welcome-logo' }) : logoMark(56);

  const welcome = h(
    'section',
    { class: 'card welcome', id: 'welcome' },
    h('div', { class: 'welcome-mark' }, logo),
    h(
      'div',
      { class: 'welcome-text' },
      h('h1', { i18n: ['home.greeting', { name: user.full_name || user.username }] }),
      c ? h('p', { class: 'welcome-company', bi: { ar: c.name_ar, en: c.name_en } }) : null,
      h('p', { class: 'welcome-date', id: 'today' }, timeEl(iso, 'long')),
    ),
  );

  const tiles = visible([...WORK_MODULES, ...ADMIN_MODULES], can).map(([key, path, iconName]) =>
    h(
      'li',
      null,
      h(
        'a',
        { class: 'tile', href: `#/${path}`, 'data-tile': key },
        h('span', { class: 'tile-icon' }, icon(iconName)),
        h('span', { class: 'tile-text' }, h('strong', { i18n: `nav.${key}` }), h('small', { i18n: `home.tile.${key}` })),
      ),
    ),
  );

  view.replaceChildren(welcome, h('h2', { class: 'section-heading', i18n: 'home.modules' }), h('ul', { class: 'tiles' }, tiles));
}
