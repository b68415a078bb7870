// What the catalog and inquiry screens share: value lists of docs/commands.md, decimal
// input (typed in either digit script, sent as a string, never a float), badges.
import { h } from './dom.js';

export const PRODUCT_KINDS = ['product', 'vehicle', 'service'];
export const STOCK = ['available', 'reserved', 'sold'];
export const INQ_STATUSES = ['open', 'contacted', 'replied', 'quoted', 'won', 'lost', 'cancelled'];
export const INQ_CHANNELS = ['walk_in', 'phone', 'email', 'website', 'social', 'whatsapp'];
export const LOST_REASONS = ['price', 'competitor', 'financing', 'not_available', 'changed_mind', 'no_response', 'other'];
export const CLOSED = ['won', 'lost', 'cancelled'];
export const EDITABLE = ['open', 'contacted', 'replied'];

/** Arabic-Indic and Persian digits as ASCII; Arabic decimal and thousands separators tidied. */
export function asciiDigits(text) {
  return String(text ?? '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0))
    .replace(/\u066B/g, '.')
    .replace(/[\u066C,\s]/g, '');
}

/**
 * A decimal as typed → the string the backend takes ("125000.5"), '' when empty, or
 * null when it is not a number with at most `decimals` decimals.
 */
export function decimalValue(text, decimals = 3) {
  const s = asciiDigits(text);
  if (!s) return '';
  const re = new RegExp(`^\\d{1,13}(\\.\\d{1,${decimals}})?$`);
  return re.test(s) ? s : null;
}

/** Today as YYYY-MM-DD in local time (what a date input holds). */
export function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A calendar day (YYYY-MM-DD) as an instant at local noon, for timeEl(…, 'date'). */
export function dayInstant(day) {
  return day ? `${day}T12:00:00` : null;
}

export function statusBadge(status) {
  const s = INQ_STATUSES.includes(status) ? status : 'open';
  return h('span', { class: 'badge status-badge', 'data-status': s, i18n: `inq.status.${s}` });
}

export function stockBadge(status) {
  if (!STOCK.includes(status)) return null;
  return h('span', { class: 'badge stock-badge', 'data-stock': status, i18n: `catalog.stock.${status}` });
}

/** A lost reason: a known key in words, anything else as typed. */
export function lostReason(reason) {
  if (LOST_REASONS.includes(reason)) return h('span', { 'data-reason': reason, i18n: `inq.lost_reason.${reason}` });
  return h('bdi', { dir: 'auto' }, reason || '—');
}

/** Where a sales document opens, by its type. */
export function docHref(docType, id) {
  const base = { inquiry: 'inquiries', quotation: 'quotations', delivery_note: 'delivery-notes', invoice: 'invoices' }[docType];
  return base && id ? `#/${base}/${encodeURIComponent(id)}` : null;
}
