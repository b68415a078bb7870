// Screen strings and the current language. Dictionaries are ES modules so nothing is
// fetched at run time; both must hold the same keys.
import ar from '../i18n/ar.js';
import en from '../i18n/en.js';
import cardAr from '../i18n/card.ar.js';
import cardEn from '../i18n/card.en.js';
import clistAr from '../i18n/clist.ar.js';
import clistEn from '../i18n/clist.en.js';
import quoteAr from '../i18n/quote.ar.js';
import quoteEn from '../i18n/quote.en.js';
import catalogAr from '../i18n/catalog.ar.js';
import catalogEn from '../i18n/catalog.en.js';
import inqAr from '../i18n/inq.ar.js';
import inqEn from '../i18n/inq.en.js';
import impAr from '../i18n/imp.ar.js';
import impEn from '../i18n/imp.en.js';
import expAr from '../i18n/exp.ar.js';
import expEn from '../i18n/exp.en.js';
import remAr from '../i18n/rem.ar.js';
import remEn from '../i18n/rem.en.js';
import taskAr from '../i18n/task.ar.js';
import taskEn from '../i18n/task.en.js';
import { formatNumber } from './format.js';

// Feature dictionaries live in their own files, each under its own top-level key.
const dictionaries = {
  ar: { ...ar, card: cardAr, clist: clistAr, quote: quoteAr, catalog: catalogAr, inq: inqAr, imp: impAr, exp: expAr, rem: remAr },
  en: { ...en, card: cardEn, clist: clistEn, quote: quoteEn, catalog: catalogEn, inq: inqEn, imp: impEn, exp: expEn, rem: remEn },
};
// Tasks' strings (their own line, so other areas can be added beside them).
Object.assign(dictionaries.ar, { task: taskAr });
Object.assign(dictionaries.en, { task: taskEn });
let current = 'ar';

export const LOCALES = ['ar', 'en'];

export function getLocale() {
  return current;
}

export function isLocale(value) {
  return LOCALES.includes(value);
}

function lookup(dict, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), dict);
}

// An entry may be an object of plural forms ({one, two, few, many, other}), chosen by vars.n.
const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function plural(entry, vars) {
  if (!entry || typeof entry !== 'object' || typeof entry.other !== 'string') return entry;
  if (!Object.keys(entry).every((k) => PLURAL_FORMS.has(k))) return entry;
  const n = Number(vars?.n);
  const form = Number.isFinite(n) ? new Intl.PluralRules(current).select(n) : 'other';
  return entry[form] ?? entry.other;
}

/** Translate `key`, filling `{name}` placeholders; numbers go through the digit setting. */
export function t(key, vars) {
  let text = plural(lookup(dictionaries[current], key), vars);
  if (typeof text !== 'string') text = plural(lookup(dictionaries.ar, key), vars);
  if (typeof text !== 'string') return key; // a missing key shows up plainly in review
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => {
    const v = vars[name];
    if (v == null) return m;
    // Names and other user data are bidi-isolated so "Welcome, عبدالله" keeps its order.
    return typeof v === 'number' ? formatNumber(v) : `\u2068${v}\u2069`;
  });
}

/** Whether the dictionaries know `key` (used for codes that may or may not have a name). */
export function hasKey(key) {
  return typeof plural(lookup(dictionaries.ar, key)) === 'string';
}

/** Translate in a given language regardless of the current one (used for error fallbacks). */
export function tIn(locale, key) {
  const text = lookup(dictionaries[locale] || ar, key);
  return typeof text === 'string' ? text : key;
}

/** Switch language: sets lang/dir on <html> and tells the app to re-render its text. */
export function setLocale(locale) {
  if (!isLocale(locale)) locale = 'ar';
  const changed = locale !== current;
  current = locale;
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === 'ar' ? 'rtl' : 'ltr';
  document.title = t('app.name');
  if (changed) document.dispatchEvent(new CustomEvent('maarid:locale', { detail: { locale } }));
}

/** Pick the Arabic or English variant of a bilingual value from the backend. */
export function pick(ar, en) {
  if (current === 'en') return en || ar || '';
  return ar || en || '';
}

function keyPaths(node, prefix = '') {
  return Object.entries(node).flatMap(([k, v]) => {
    const path = prefix + k;
    const isPlural = v && typeof v === 'object' && typeof v.other === 'string';
    return v && typeof v === 'object' && !isPlural ? keyPaths(v, `${path}.`) : [path];
  });
}

/** Keys present in one language and missing in the other (checked by the e2e tests). */
export function missingKeys() {
  const ar = new Set(keyPaths(dictionaries.ar));
  const en = new Set(keyPaths(dictionaries.en));
  return { en: [...ar].filter((k) => !en.has(k)), ar: [...en].filter((k) => !ar.has(k)) };
}
