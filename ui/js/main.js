// Boot and routing. Order of screens: setup (until done) → login → shell.
import { api, hasBackend, localError } from './api.js';
import { state } from './state.js';
import { setLocale, isLocale } from './i18n.js';
import { setDigits } from './format.js';
import { h, localize } from './dom.js';
import { storedLocale, toggleLocale, go, startSession } from './session.js';
import { langToggle } from './components/lang-toggle.js';
import { errorBanner } from './components/error-banner.js';
import { logoMark } from './components/icons.js';
import { renderSetup } from './views/setup.js';
import { renderLogin } from './views/login.js';
import { renderRoute, hasRoute } from './views/shell.js';

const app = document.getElementById('app');

function currentPath() {
  const raw = location.hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape in a typed address: treat it as an unknown route
  }
}

function replacePath(path) {
  history.replaceState(null, '', `#/${path}`);
}

async function route() {
  let path = currentPath();
  if (!state.appInfo.setup_done) {
    if (path !== 'setup') replacePath('setup');
    // The wizard keeps its own state; do not rebuild it (and lose input) on a stray hash.
    if (app.dataset.screen !== 'setup') renderSetup(app);
    return;
  }
  if (!state.me) {
    if (path !== 'login') {
      if (path && path !== 'setup') state.afterLogin = path;
      replacePath('login');
    }
    if (app.dataset.screen !== 'login') renderLogin(app);
    return;
  }
  if (!hasRoute(path)) {
    // "#/settings" means its first tab; anything unknown goes home (no dead ends).
    path = path === 'settings' ? 'settings/company' : 'home';
    replacePath(path);
  }
  await renderRoute(app, path);
}

function renderFatal(err) {
  app.dataset.screen = 'fatal';
  app.removeAttribute('aria-busy');
  app.className = 'auth-page';
  app.replaceChildren(
    h(
      'div',
      { class: 'auth-card' },
      h('div', { class: 'auth-top' }, h('div', { class: 'brand' }, logoMark(40), h('span', { class: 'brand-name', i18n: 'app.name' })), langToggle()),
      h('h1', { i18n: 'errors.start_failed' }),
      errorBanner(err),
    ),
  );
}

async function boot() {
  // Until app_info answers, show the language the user last chose (Arabic by default).
  setLocale(storedLocale() || 'ar');
  document.addEventListener('maarid:locale', () => localize(document.body));
  document.addEventListener('maarid:relabel', () => localize(document.body));
  document.addEventListener('maarid:toggle-locale', () => toggleLocale());
  document.addEventListener('maarid:session-ended', () => {
    if (!state.me) return;
    state.me = null;
    go('login');
  });

  try {
    if (!hasBackend()) throw localError('no_backend', 'errors.no_backend');
    state.appInfo = await api.appInfo();
  } catch (err) {
    renderFatal(err);
    markReady();
    return;
  }
  const info = state.appInfo;
  setLocale(storedLocale() || (isLocale(info.default_locale) ? info.default_locale : 'ar'));
  setDigits(info.digits);

  if (info.setup_done) {
    try {
      const me = await api.me();
      if (me) await startSession(me);
    } catch {
      state.me = null;
    }
  }
  window.addEventListener('hashchange', () => route());
  app.removeAttribute('aria-busy');
  await route();
  markReady();
}

// The first screen is drawn: tell tests (body[data-ready]) and the start-up probe.
function markReady() {
  requestAnimationFrame(() => {
    document.body.dataset.ready = '';
    window.__TAURI__?.core.invoke('ui_ready').catch(() => {});
  });
}

boot();
