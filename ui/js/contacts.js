// What the contact screens share: the value lists of docs/commands.md, names, owners,
// kind badges, and who may do what with one contact.
import { h } from './dom.js';
import { api } from './api.js';
import { state, scope } from './state.js';
import { pick } from './i18n.js';
import { formatDate, formatNumber } from './format.js';

export const KINDS = ['lead', 'customer', 'company'];
export const SOURCES = ['walk_in', 'phone', 'website', 'social_media', 'referral', 'campaign', 'other'];
export const CHANNELS = ['phone', 'whatsapp', 'email', 'sms', 'visit'];
export const PHONE_LABELS = ['mobile', 'work', 'whatsapp', 'home', 'other'];
export const DUPLICATE_REASONS = ['same_phone', 'same_email', 'similar_name_same_city'];
export const ADDRESS_LABELS = ['home', 'work', 'showroom', 'billing', 'delivery', 'other'];
export const SOCIAL_NETWORKS = ['instagram', 'x', 'facebook', 'linkedin', 'snapchat', 'tiktok', 'telegram', 'youtube', 'other'];
export const FIELD_TYPES = ['text', 'number', 'date', 'choice'];

/**
 * A custom field's saved (canonical) value as text in the current language: a choice
 * by its label, a number with the digit setting, a date in words. Call again after a
 * language change.
 */
export function customValueText(field, value) {
  const v = value == null ? '' : String(value);
  if (!v) return '';
  if (field?.field_type === 'choice') {
    const c = (field.choices || []).find((o) => o.key === v);
    return c ? pick(c.ar, c.en) : v;
  }
  if (field?.field_type === 'number') {
    // Canonical numbers are plain decimals ("12500.5"): keep every decimal they have.
    const decimals = Math.min((v.split('.')[1] || '').length, 20);
    return formatNumber(v, { maximumFractionDigits: decimals });
  }
  if (field?.field_type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) return v;
    // A calendar day, not an instant: built in local time so no time zone moves it
    // (and with setFullYear, so years below 100 are not taken for 19xx).
    const d = new Date(2000, Number(m[2]) - 1, Number(m[3]));
    d.setFullYear(Number(m[1]));
    return formatDate(d);
  }
  return v;
}

/** Tags typed as one line: split on the Arabic comma «،» and the Latin one. */
export function splitTags(text) {
  return String(text || '')
    .split(/[،,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Arabic name, else Latin name, else the company (as the backend's display_name). */
export function displayName(c) {
  return c.name_ar || c.name_latin || c.company_name || '';
}

/** Active colleagues for owner names and pickers; an empty list if it cannot be had. */
export async function loadDirectory() {
  try {
    return await api.usersDirectory();
  } catch {
    return [];
  }
}

/** The owner's name: full name from the directory, a note for an inactive user, or —. */
export function ownerLabel(directory, ownerId) {
  if (!ownerId) return h('span', { class: 'muted' }, '—');
  const u = directory.find((d) => d.id === ownerId);
  if (!u) return h('span', { class: 'muted', i18n: 'contacts.owner_inactive' });
  return h('bdi', null, u.full_name || u.username);
}

export function kindBadge(kind) {
  const k = KINDS.includes(kind) ? kind : 'lead';
  return h('span', { class: 'badge kind-badge', 'data-kind': k, i18n: `contacts.kind.${k}` });
}

/** Whether the current user may `action` this contact: scope "all", or "own" and theirs. */
export function mayOn(action, contact) {
  const s = scope('contact', action);
  if (s === 'all') return true;
  return s === 'own' && Boolean(contact?.owner_id) && contact.owner_id === state.me?.user?.id;
}

/** Turn search text into a head start for a new contact (name, phone or email). */
export function prefillFromSearch(text) {
  const t = String(text || '').trim();
  if (!t) return {};
  if (t.includes('@')) return { emails: [t] };
  const digits = t.replace(/[^\d\u0660-\u0669\u06F0-\u06F9]/g, '');
  if (!/\p{L}/u.test(t) && digits.length >= 3) return { phones: [{ raw: t, label: 'mobile' }] };
  if (/[\u0600-\u06FF]/.test(t)) return { name_ar: t };
  return { name_latin: t };
}
