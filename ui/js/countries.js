// Countries offered in the company profile, with the currency and VAT rate that a
// showroom there most likely uses. Names live in the dictionaries (countries.XX).
export const COUNTRIES = [
  { code: 'SA', currency: 'SAR', vat: '15' },
  { code: 'AE', currency: 'AED', vat: '5' },
  { code: 'KW', currency: 'KWD', vat: '0' },
  { code: 'QA', currency: 'QAR', vat: '0' },
  { code: 'BH', currency: 'BHD', vat: '10' },
  { code: 'OM', currency: 'OMR', vat: '5' },
  { code: 'JO', currency: 'JOD', vat: '16' },
  { code: 'EG', currency: 'EGP', vat: '14' },
  { code: 'IQ', currency: 'IQD', vat: '0' },
  { code: 'LB', currency: 'LBP', vat: '0' },
  { code: 'MA', currency: 'MAD', vat: '0' },
  { code: 'DZ', currency: 'DZD', vat: '0' },
  { code: 'TN', currency: 'TND', vat: '0' },
  { code: 'LY', currency: 'LYD', vat: '0' },
  { code: 'SD', currency: 'SDG', vat: '0' },
  { code: 'YE', currency: 'YER', vat: '0' },
  { code: 'SY', currency: 'SYP', vat: '0' },
  // The shekel is not among the offered currencies; the Jordanian dinar is in wide use.
  { code: 'PS', currency: 'JOD', vat: '0' },
  { code: 'US', currency: 'USD', vat: '0' },
  { code: 'DE', currency: 'EUR', vat: '0' },
  { code: 'FR', currency: 'EUR', vat: '0' },
];

export const CURRENCIES = [
  'SAR', 'AED', 'KWD', 'QAR', 'BHD', 'OMR', 'JOD', 'EGP', 'IQD', 'LBP',
  'MAD', 'DZD', 'TND', 'LYD', 'SDG', 'YER', 'SYP', 'USD', 'EUR',
];

export function countryDefaults(code) {
  return COUNTRIES.find((c) => c.code === code) || { code, currency: 'USD', vat: '0' };
}
