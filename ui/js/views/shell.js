// The logged-in frame: sidebar navigation, top bar, and <main id="view"> for the route.
import { h, localize } from '../dom.js';
import { WORK_MODULES, ADMIN_MODULES, visible } from '../modules.js';
import { state, can } from '../state.js';
import { logout } from '../session.js';
import { langToggle } from '../components/lang-toggle.js';
import { errorBanner, loading } from '../components/error-banner.js';
import { icon, logoMark } from '../components/icons.js';
import { ApiError, localError } from '../api.js';
import { renderHome } from './home.js';
import { notBuilt } from './not-built.js';
import { renderSettings } from './settings.js';
import { renderUsers } from './users.js';
import { renderRoles } from './roles.js';
import { renderAudit } from './audit.js';
import { renderAccount } from './account.js';
import { renderContacts } from './contacts.js';
import { renderContact } from './contact-card.js';
import { renderQuotations } from './quotations.js';
import { renderQuote } from './quote.js';
import { renderQuoteEdit } from './quote-edit.js';
import { renderSalesDoc } from './sales-doc.js';
import { renderSalesDocs } from './sales-docs.js';
import { renderCatalog } from './catalog.js';
import { renderInquiries } from './inquiries.js';
import { renderInquiry } from './inquiry.js';
import { renderImport } from './import.js';
import { renderReminders } from './reminders.js';
import { bell } from '../components/bell.js';
import { renderTasks } from './tasks.js';

// path → which nav item it belongs to and how to draw it.
const ROUTES = {
  home: { nav: 'home', render: renderHome },
  contacts: { nav: 'contacts', render: renderContacts },
  inquiries: { nav: 'inquiries', render: renderInquiries },
  quotations: { nav: 'quotations', render: renderQuotations },
  invoices: { nav: 'quotations', render: (v) => renderSalesDocs(v, 'invoice') },
  'delivery-notes': { nav: 'quotations', render: (v) => renderSalesDocs(v, 'delivery_note') },
  catalog: { nav: 'catalog', render: renderCatalog },
  import: { nav: 'import', render: renderImport },
  reminders: { nav: 'reminders', render: (v) => renderReminders(v) },
  'settings/notifications': { nav: 'settings', render: (v) => renderSettings(v, 'notifications') },
  letters: { nav: 'letters', render: notBuilt('letters') },
  calendar: { nav: 'calendar', render: notBuilt('calendar') },
  tasks: { nav: 'tasks', render: (v) => renderTasks(v, 'mine') },
  'tasks/team': { nav: 'tasks', render: (v) => renderTasks(v, 'team') },
  reports: { nav: 'reports', render: notBuilt('reports') },
  'settings/company': { nav: 'settings', render: (v) => renderSettings(v, 'company') },
  'settings/crm': { nav: 'settings', render: (v) => renderSettings(v, 'crm') },
  'settings/numbering': { nav: 'settings', render: (v) => renderSettings(v, 'numbering') },
  'settings/fields': { nav: 'settings', render: (v) => renderSettings(v, 'fields') },
  'admin/users': { nav: 'users', render: renderUsers },
  'admin/roles': { nav: 'roles', render: renderRoles },
  'admin/audit': { nav: 'audit', render: renderAudit },
  account: { nav: null, render: renderAccount },
};

// Routes with a record id in them: [pattern, nav, view name, render(view, id, match)].
// A query after `?` (e.g. quotations/new?inquiry=…) is passed as URLSearchParams.
const params = (m) => new URLSearchParams(m.at(-1) || '');
const RECORD_ROUTES = [
  [/^contacts\/([^/?]+)$/, 'contacts', 'contact', renderContact],
  [/^inquiries\/([^/?]+)$/, 'inquiries', 'inquiry', renderInquiry],
  [/^reminders\/([^/?]+)$/, 'reminders', 'reminders', renderReminders],
  [/^quotations\/new(?:\?(.*))?$/, 'quotations', 'quote-new', (v, _id, m) => renderQuoteEdit(v, null, params(m))],
  [/^quotations\/([^/?]+)\/edit$/, 'quotations', 'quote-edit', (v, id) => renderQuoteEdit(v, id, new URLSearchParams())],
  [/^quotations\/([^/?]+)$/, 'quotations', 'quote', renderQuote],
  [/^invoices\/([^/?]+)$/, 'quotations', 'invoice', (v, id) => renderSalesDoc(v, 'invoice', id)],
  [/^delivery-notes\/([^/?]+)$/, 'quotations', 'delivery-note', (v, id) => renderSalesDoc(v, 'delivery_note', id)],
  [/^tasks\/([^/?]+)$/, 'tasks', 'task', (v, id) => renderTasks(v, 'mine', id)],
];

/** {nav, view, render(view)} for a path, or null. `view` names the page (data-view). */
function resolve(path) {
  if (Object.hasOwn(ROUTES, path)) return { view: path.replace('/', '-'), ...ROUTES[path] };
  for (const [pattern, nav, view, render] of RECORD_ROUTES) {
    const m = pattern.exec(path);
    if (m) return { nav, view, render: (v) => render(v, m[1], m) };
  }
  return null;
}

export function hasRoute(path) {
  return resolve(path) !== null;
}

// Work modules first, then administration (shown only with the read right).
const HOME = ['home', 'home', 'home', null];

function navLink([key, path, iconName]) {
  return h(
    'li',
    null,
    h('a', { href: `#/${path}`, 'data-route': key, class: 'nav-link' }, icon(iconName), h('span', { i18n: `nav.${key}` })),
  );
}

function buildShell() {
  const admin = visible(ADMIN_MODULES, can);
  const nav = h(
    'nav',
    { id: 'main-nav', i18nAttr: { 'aria-label': 'nav.label' } },
    h('ul', { class: 'nav-list' }, [HOME, ...WORK_MODULES].map(navLink)),
    h('p', { class: 'nav-heading', id: 'nav-admin-heading', i18n: 'nav.admin_heading' }),
    h('ul', { class: 'nav-list', 'aria-labelledby': 'nav-admin-heading' }, admin.map(navLink)),
  );
  const sidebar = h(
    'aside',
    { class: 'sidebar' },
    h('a', { class: 'sidebar-brand', href: '#/home' }, logoMark(34), h('span', null, h('strong', { i18n: 'app.name' }), h('small', { i18n: 'app.tagline' }))),
    nav,
    h('p', { class: 'sidebar-footer' }, h('span', { i18n: ['app.version', { v: state.appInfo?.version || '' }] })),
  );

  const user = state.me.user;
  const role = state.me.role;
  // Joined Arabic letters read as a word, so Arabic names get one initial, Latin ones two.
  const words = (user.full_name || user.username).trim().split(/\s+/);
  const arabic = /[\u0600-\u06FF]/.test(words[0] || '');
  const initials = words.slice(0, arabic ? 1 : 2).map((w) => w[0]).join('').toUpperCase();
  const topbar = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'topbar-company', id: 'company-brand' }),
    h(
      'div',
      { class: 'topbar-actions' },
      h(
        'div',
        { id: 'user-menu', class: 'user-menu' },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials),
        h(
          'span',
          { class: 'user-text' },
          h('span', { class: 'user-name' }, user.full_name || user.username),
          h('span', { class: 'user-role', bi: { ar: role?.name_ar || user.role_name_ar, en: role?.name_en || user.role_name_en } }),
        ),
      ),
      bell(),
      h('a', { href: '#/account', id: 'account-link', class: 'btn btn-ghost' }, icon('key'), h('span', { i18n: 'nav.account' })),
      langToggle(),
      h('button', { type: 'button', id: 'logout', class: 'btn btn-ghost', onclick: () => logout() }, icon('logout', { flip: true }), h('span', { i18n: 'nav.logout' })),
    ),
  );
  const main = h('main', { id: 'view', tabindex: '-1' });
  // A button, not a link: "#view" in the address would be taken for a route.
  const skip = h('button', { type: 'button', class: 'skip-link', i18n: 'nav.skip', onclick: () => main.focus() });
  return h('div', { class: 'shell' }, skip, sidebar, topbar, main);
}

/** Company name and logo in the top bar; called again after the profile is saved. */
export function refreshTopbar() {
  const slot = document.getElementById('company-brand');
  if (!slot) return;
  const c = state.company;
  const mark = c?.logo_data_url ? h('img', { src: c.logo_data_url, alt: '', class: 'company-logo' }) : logoMark(32);
  const name = c ? h('span', { class: 'company-name', bi: { ar: c.name_ar, en: c.name_en } }) : h('span', { class: 'company-name', i18n: 'app.name' });
  slot.replaceChildren(mark, name);
}

document.addEventListener('maarid:company', () => {
  refreshTopbar();
  localize(document.querySelector('.topbar') || document.body);
});

let renderToken = 0;

export async function renderRoute(app, path) {
  const firstPaint = app.dataset.screen !== 'shell' || app.dataset.user !== state.me.user.id;
  if (firstPaint) {
    app.className = '';
    app.dataset.screen = 'shell';
    app.dataset.user = state.me.user.id;
    app.replaceChildren(buildShell());
    refreshTopbar();
  }
  const r = resolve(path);
  document.querySelectorAll('#main-nav a[data-route]').forEach((a) => {
    if (a.dataset.route === r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });

  const main = document.getElementById('view');
  const token = ++renderToken;
  const container = h('div', { class: 'view', 'data-view': r.view }, loading());
  main.replaceChildren(container);
  try {
    await r.render(container);
  } catch (err) {
    if (token !== renderToken) return;
    // A view that could not load its data shows why (e.g. not_permitted) instead.
    const e = err instanceof ApiError ? err : localError('internal_error', 'errors.unexpected');
    container.querySelector('.loading')?.remove();
    if (!container.querySelector('.error-banner')) container.append(errorBanner(e));
  }
  if (token !== renderToken) return;
  localize(container);
  // A page that names where typing should start (the contacts search box) gets focus;
  // otherwise focus moves to the new page's heading, so keyboard and screen-reader
  // users start there.
  const start = container.querySelector('[autofocus]:not(:disabled)');
  if (start) start.focus({ preventScroll: true });
  else if (!firstPaint) {
    const heading = container.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }
}
