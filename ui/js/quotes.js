// What the sales-document screens share: statuses and their badges, money cells,
// decimal input (Arabic-Indic digits and separators accepted), calendar days.
import { h } from './dom.js';
import { formatMoney, formatDate } from './format.js';
import { decimalValue, todayIso } from './sales.js';

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

/** A decimal string from the backend ("0", "0.00", "-0.000") that is zero. */
export function isZero(amount) {
  return /^-?0*(\.0*)?$/.test(String(amount ?? '0'));
}

/** Re-format every money cell under root (after a language or digit change). */
export function relabelMoney(root) {
  root.querySelectorAll('[data-money]').forEach((el) => {
    el.textContent = formatMoney(el.dataset.money, el.dataset.currency);
  });
}

document.addEventListener('maarid:locale', () => relabelMoney(document.body));

/**
 * A decimal typed by a person (Arabic-Indic digits and separators accepted), as the
 * plain string the backend parses ("1250.5"), or null when empty or not a number.
 */
export function decimalInput(text) {
  const v = decimalValue(text, 6);
  return v === '' ? null : v;
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
export const today = todayIso;
