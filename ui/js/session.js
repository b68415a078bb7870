// Logging in and out, and switching language; shared by the login, setup and shell.
import { api } from './api.js';
import { state } from './state.js';
import { getLocale, isLocale, setLocale } from './i18n.js';
import { setDigits } from './format.js';
import { showToast } from './toast.js';

const LOCALE_KEY = 'maarid.locale';

export function storedLocale() {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale) {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage may be unavailable; the choice then lasts for this run only.
  }
}

/** Navigate to a route; re-runs the router even when the hash does not change. */
export function go(path) {
  const hash = `#/${path}`;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** After login or setup: remember who we are, take their language, load company and settings. */
export async function startSession(me) {
  state.me = me;
  if (isLocale(me?.user?.locale)) {
    setLocale(me.user.locale);
    rememberLocale(me.user.locale);
  }
  await refreshCompanyAndSettings();
}

export async function refreshCompanyAndSettings() {
  const [company, settings] = await Promise.allSettled([api.companyGet(), api.settingsGet()]);
  state.company = company.status === 'fulfilled' ? company.value : null;
  state.settings = settings.status === 'fulfilled' ? settings.value : null;
  if (state.settings) applyDigits(state.settings.digits);
}

export function applyDigits(digits) {
  setDigits(digits);
  document.dispatchEvent(new CustomEvent('maarid:relabel'));
}

export async function logout() {
  try {
    await api.logout();
  } catch {
    // Logging out locally is what matters; the backend forgets the session anyway.
  }
  state.me = null;
  state.company = null;
  state.settings = null;
  state.afterLogin = null;
  go('login');
}

export async function toggleLocale() {
  const next = getLocale() === 'ar' ? 'en' : 'ar';
  setLocale(next);
  rememberLocale(next);
  if (!state.me) return;
  try {
    await api.localeSet(next);
    state.me.user.locale = next;
  } catch (err) {
    showToast({ ar: err.message_ar, en: err.message_en }, 'error');
  }
}
