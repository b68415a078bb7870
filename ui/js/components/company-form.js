// The company profile fields, shared by the setup wizard and Settings → Company.
import { h } from '../dom.js';
import { field, markInvalid } from '../forms.js';
import { COUNTRIES, CURRENCIES, countryDefaults } from '../countries.js';
import './phone-list.js';
import './logo-picker.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RATE = /^\d{1,3}(\.\d{1,4})?$/;

export function companyFields() {
  const defaults = countryDefaults('SA');
  const logo = h('logo-picker');
  const phones = h('phone-list');
  const country = field({
    name: 'country',
    label: 'company.country',
    type: 'select',
    required: true,
    value: 'SA',
    options: COUNTRIES.map((c) => ({ value: c.code, i18n: `countries.${c.code}` })),
  });
  const currency = field({
    name: 'currency',
    label: 'company.currency',
    type: 'select',
    required: true,
    value: defaults.currency,
    options: CURRENCIES.map((c) => ({ value: c, i18n: `currencies.${c}` })),
  });
  const vat = field({
    name: 'default_vat_rate',
    label: 'company.default_vat_rate',
    value: defaults.vat,
    required: true,
    dir: 'ltr',
    suffix: '%',
    hint: 'company.default_vat_rate_hint',
    attrs: { inputmode: 'decimal', autocomplete: 'off' },
  });

  const root = h(
    'div',
    { class: 'company-fields' },
    h('h3', { class: 'section-title', i18n: 'company.section_identity' }),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'name_ar', label: 'company.name_ar', required: true, dir: 'rtl', attrs: { lang: 'ar', autocomplete: 'organization', maxlength: 200 } }),
      field({ name: 'name_en', label: 'company.name_en', dir: 'ltr', attrs: { lang: 'en', maxlength: 200 } }),
    ),
    logo,
    h('h3', { class: 'section-title', i18n: 'company.section_contact' }),
    h(
      'div',
      { class: 'grid-2' },
      field({ name: 'address_ar', label: 'company.address_ar', type: 'textarea', dir: 'rtl', attrs: { lang: 'ar' } }),
      field({ name: 'address_en', label: 'company.address_en', type: 'textarea', dir: 'ltr', attrs: { lang: 'en' } }),
      field({ name: 'email', label: 'company.email', type: 'email', dir: 'ltr', attrs: { autocomplete: 'email' } }),
      field({ name: 'website', label: 'company.website', type: 'url', dir: 'ltr', attrs: { placeholder: 'https://' } }),
    ),
    phones,
    h('h3', { class: 'section-title', i18n: 'company.section_tax' }),
    h('div', { class: 'grid-2' }, country, currency, vat, field({ name: 'tax_number', label: 'company.tax_number', dir: 'ltr', attrs: { inputmode: 'numeric', autocomplete: 'off' } })),
  );

  const el = (name) => root.querySelector(`[name="${name}"]`);

  // A new country brings its currency and VAT rate, unless the user already chose them.
  const touched = { currency: false, default_vat_rate: false };
  el('currency').addEventListener('change', () => { touched.currency = true; });
  el('default_vat_rate').addEventListener('input', () => { touched.default_vat_rate = true; });
  el('country').addEventListener('change', () => {
    const d = countryDefaults(el('country').value);
    if (!touched.currency) el('currency').value = d.currency;
    if (!touched.default_vat_rate) el('default_vat_rate').value = d.vat;
  });

  const TEXT = ['name_ar', 'name_en', 'address_ar', 'address_en', 'email', 'website', 'tax_number', 'country', 'currency', 'default_vat_rate'];

  return {
    root,
    fill(company) {
      for (const k of TEXT) if (company[k] != null) el(k).value = company[k];
      phones.value = company.phones || [];
      logo.value = company.logo_data_url || null;
      // An existing profile's currency and rate are deliberate choices.
      touched.currency = true;
      touched.default_vat_rate = true;
    },
    /** CompanyInput, as docs/commands.md describes it. */
    read() {
      const out = {};
      for (const k of TEXT) out[k] = el(k).value.trim();
      out.phones = phones.value;
      out.logo_data_url = logo.value;
      return out;
    },
    /** Client-side checks; marks and returns the first invalid control (or null). */
    validate() {
      const bad = [];
      if (!el('name_ar').value.trim()) bad.push([el('name_ar'), 'validation.required']);
      const email = el('email').value.trim();
      if (email && !EMAIL.test(email)) bad.push([el('email'), 'validation.email']);
      const rate = el('default_vat_rate').value.trim();
      if (!RATE.test(rate) || Number(rate) > 100) bad.push([el('default_vat_rate'), 'validation.vat_rate']);
      bad.forEach(([c, m]) => markInvalid(c, m));
      return bad.length ? bad[0][0] : null;
    },
    setDisabled(flag) {
      root.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((c) => { c.disabled = flag; });
      phones.disabled = flag;
      logo.disabled = flag;
    },
  };
}
