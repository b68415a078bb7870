// Numbers and dates for display. Digits (Latin or Arabic-Indic) are a company setting;
// the calendar is always Gregorian so ar-SA does not switch to Hijri.
import { getLocale } from './i18n.js';

let digits = 'latn';

export function setDigits(value) {
  digits = value === 'arab' ? 'arab' : 'latn';
}

function localeTag() {
  if (getLocale() === 'en') return digits === 'arab' ? 'en-u-nu-arab' : 'en-GB';
  return digits === 'arab' ? 'ar-SA-u-nu-arab' : 'ar-SA-u-nu-latn';
}

function toDate(value) {
  if (value == null || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatNumber(value, options = {}) {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return value == null ? '' : String(value);
  return new Intl.NumberFormat(localeTag(), { numberingSystem: digits, ...options }).format(n);
}

/** A date in local time, e.g. «23 نوفمبر 2026». Pass Intl options to change the shape. */
export function formatDate(value, options) {
  const d = toDate(value);
  if (!d) return '—';
  const shape = options || { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(localeTag(), {
    calendar: 'gregory',
    numberingSystem: digits,
    ...shape,
  }).format(d);
}

/** An RFC 3339 UTC timestamp shown in the user's local time. */
export function formatDateTime(value) {
  const d = toDate(value);
  if (!d) return '—';
  return new Intl.DateTimeFormat(localeTag(), {
    calendar: 'gregory',
    numberingSystem: digits,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

/**
 * A money amount from the backend (a decimal string such as "126500.50") with its
 * currency. The string goes to Intl as it is, so no digit passes through a float.
 */
export function formatMoney(amount, currency) {
  const tag = localeTag();
  try {
    return new Intl.NumberFormat(tag, { numberingSystem: digits, style: 'currency', currency }).format(String(amount));
  } catch {
    return `${new Intl.NumberFormat(tag, { numberingSystem: digits, minimumFractionDigits: 2 }).format(String(amount))} ${currency || ''}`.trim();
  }
}

/**
 * A file name for right-to-left text: the part after its last Arabic letter ("2024.xlsx")
 * kept together left to right, so «عملاء 2024.xlsx» does not read as «عملاء xlsx.2024».
 */
export function fileNameText(name) {
  const text = String(name ?? '');
  const last = Math.max(...[...text].map((c, i) => (/[\u0590-\u08FF]/u.test(c) ? i : -1)));
  const chars = [...text];
  const head = chars.slice(0, last + 1).join('');
  const tail = chars.slice(last + 1).join('');
  const space = tail.match(/^\s*/u)[0];
  if (last < 0 || !tail.includes('.')) return text;
  return `${head}${space}\u2066${tail.slice(space.length)}\u2069`;
}
