// CRM, display and security settings, shared by the setup wizard and Settings.
import { h } from '../dom.js';
import { field, markInvalid, intValue } from '../forms.js';

export const DEFAULT_SETTINGS = {
  allow_lead_duplicates_by_email: false,
  auto_create_contact_for_lead: true,
  close_unanswered_inquiries_days: 0,
  default_quotation_validity_days: 15,
  carry_forward_communications: true,
  digits: 'latn',
  default_locale: 'ar',
  max_failed_logins: 5,
  prices_include_vat: false,
  quotation_terms: '',
};

const BOOLS = ['allow_lead_duplicates_by_email', 'auto_create_contact_for_lead', 'carry_forward_communications', 'prices_include_vat'];
// [name, min, max]
const INTS = [
  ['close_unanswered_inquiries_days', 0, 3650],
  ['default_quotation_validity_days', 1, 3650],
  ['max_failed_logins', 1, 100],
];

function number(name, label, hint, min, max) {
  return field({ name, label, hint, type: 'number', dir: 'ltr', attrs: { min, max, step: 1, inputmode: 'numeric' } });
}

export function settingsFields() {
  const root = h(
    'div',
    { class: 'settings-fields' },
    h('h3', { class: 'section-title', i18n: 'settings.section_crm' }),
    h(
      'div',
      { class: 'stack' },
      field({ name: 'allow_lead_duplicates_by_email', label: 'settings.allow_lead_duplicates_by_email', hint: 'settings.allow_lead_duplicates_by_email_hint', type: 'checkbox' }),
      field({ name: 'auto_create_contact_for_lead', label: 'settings.auto_create_contact_for_lead', hint: 'settings.auto_create_contact_for_lead_hint', type: 'checkbox' }),
      field({ name: 'carry_forward_communications', label: 'settings.carry_forward_communications', hint: 'settings.carry_forward_communications_hint', type: 'checkbox' }),
    ),
    h(
      'div',
      { class: 'grid-2' },
      number('close_unanswered_inquiries_days', 'settings.close_unanswered_inquiries_days', 'settings.close_unanswered_inquiries_days_hint', 0, 3650),
      number('default_quotation_validity_days', 'settings.default_quotation_validity_days', 'settings.default_quotation_validity_days_hint', 1, 3650),
    ),
    h('h3', { class: 'section-title', i18n: 'settings.section_sales' }),
    h(
      'div',
      { class: 'stack' },
      field({ name: 'prices_include_vat', label: 'settings.prices_include_vat', hint: 'settings.prices_include_vat_hint', type: 'checkbox' }),
      field({ name: 'quotation_terms', label: 'settings.quotation_terms', hint: 'settings.quotation_terms_hint', type: 'textarea', rows: 4, dir: 'auto' }),
    ),
    h('h3', { class: 'section-title', i18n: 'settings.section_display' }),
    h(
      'div',
      { class: 'grid-2' },
      field({
        name: 'digits',
        label: 'settings.digits',
        type: 'select',
        hint: 'settings.digits_hint',
        options: [
          { value: 'latn', i18n: 'settings.digits_latn' },
          { value: 'arab', i18n: 'settings.digits_arab' },
        ],
      }),
      field({
        name: 'default_locale',
        label: 'settings.default_locale',
        type: 'select',
        hint: 'settings.default_locale_hint',
        options: [
          { value: 'ar', i18n: 'lang.ar' },
          { value: 'en', i18n: 'lang.en' },
        ],
      }),
    ),
    h('h3', { class: 'section-title', i18n: 'settings.section_security' }),
    h('div', { class: 'grid-2' }, number('max_failed_logins', 'settings.max_failed_logins', 'settings.max_failed_logins_hint', 1, 100)),
  );

  const el = (name) => root.querySelector(`[name="${name}"]`);
  let updatedAt;

  const api = {
    root,
    fill(s) {
      for (const k of BOOLS) el(k).checked = Boolean(s[k]);
      for (const [k] of INTS) el(k).value = s[k] ?? '';
      el('digits').value = s.digits === 'arab' ? 'arab' : 'latn';
      el('default_locale').value = s.default_locale === 'en' ? 'en' : 'ar';
      el('quotation_terms').value = s.quotation_terms || '';
      updatedAt = s.updated_at;
    },
    /** Settings, as docs/commands.md describes them. */
    read() {
      const out = {};
      for (const k of BOOLS) out[k] = el(k).checked;
      for (const [k] of INTS) out[k] = intValue(el(k));
      out.digits = el('digits').value;
      out.default_locale = el('default_locale').value;
      out.quotation_terms = el('quotation_terms').value;
      if (updatedAt) out.updated_at = updatedAt;
      return out;
    },
    validate() {
      const bad = [];
      for (const [k, min, max] of INTS) {
        const v = intValue(el(k));
        if (Number.isNaN(v) || v < min || v > max) bad.push([el(k), ['validation.int_range', { min, max }]]);
      }
      bad.forEach(([c, m]) => markInvalid(c, m));
      return bad.length ? bad[0][0] : null;
    },
    setDisabled(flag) {
      root.querySelectorAll('input, select, textarea').forEach((c) => { c.disabled = flag; });
    },
  };
  api.fill(DEFAULT_SETTINGS);
  return api;
}
