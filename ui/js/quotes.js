// What the sales-document screens share: statuses and their badges, money cells,
// decimal input (Arabic-Indic digits and separators accepted), calendar days.
import { h } from './dom.js';
import { formatMoney, formatDate } from './format.js';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled', 'superseded'];

export function statusBadge(status) {
  return h('span', { class: 'badge status-badge', 'data-status': status, i18n: `quote.status.${status}` });
}

/** A money amount (decimal string from the backend) that re-formats on language change. */
export function moneyEl(amount, currency) {
  const el = h('span', { class: 'money', 'data-money': String(amount), 'data-currency': currency || '' });
  el.textContent = formatMoney(amount, currency);
  return el;
}

/** Re-format every money cell under root (after a language or digit change). */
export function relabelMoney(root) {
  root.querySelectorAll('[data-money]').forEach((el) => {
    el.textContent = formatMoney(el.dataset.money, el.dataset.currency);
  });
}

document.addEventListener('maarid:locale', () => relabelMoney(document.body));

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * A decimal typed by a person, as the plain string the backend parses ("1250.5"), or
 * null when it is not a number. Accepts ١٢٥٠٫٥, 1,250.50 and 1٬250٫50.
 */
export function decimalInput(text) {
  let s = String(text ?? '')
    .trim()
    .replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[\u066B]/g, '.')
    .replace(/[\u066C,\s]/g, '');
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  s = s.replace(/^0+(?=\d)/, '');
  return s;
}

/** A calendar day ("2026-11-23") shown in words without any time-zone shift. */
export function dayText(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  if (!m) return '—';
  const d = new Date(2000, Number(m[2]) - 1, Number(m[3]));
  d.setFullYear(Number(m[1]));
  return formatDate(d);
}

export function dayEl(value) {
  const el = h('span', { class: 'day', 'data-day': value || '' });
  el.textContent = dayText(value);
  return el;
}

document.addEventListener('maarid:locale', () => {
  document.querySelectorAll('[data-day]').forEach((el) => {
    el.textContent = dayText(el.dataset.day);
  });
});

/** Today's local calendar day as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
