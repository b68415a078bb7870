// Document numbering: the default series and the preview of the next number, computed
// here so the user sees it change while typing (the backend computes the real one).
export const DOC_TYPES = ['inquiry', 'quotation', 'delivery_note', 'invoice', 'letter_in', 'letter_out'];

const PREFIX = {
  inquiry: 'INQ',
  quotation: 'QTN',
  delivery_note: 'DN',
  invoice: 'INV',
  letter_in: 'IN',
  letter_out: 'OUT',
};

export function defaultSeries() {
  return DOC_TYPES.map((doc_type) => ({
    doc_type,
    pattern: `${PREFIX[doc_type]}-{YYYY}-{#}`,
    padding: 5,
    next_number: 1,
    reset_yearly: true,
  }));
}

/** The number the series would give next, e.g. QTN-2026-00001 (always Latin digits). */
export function previewNumber({ pattern, padding, next_number }, date = new Date()) {
  const yyyy = String(date.getFullYear());
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const width = Math.min(Math.max(Number(padding) || 1, 1), 12);
  const n = Number.isFinite(Number(next_number)) && Number(next_number) >= 1 ? Math.floor(Number(next_number)) : 1;
  return String(pattern ?? '')
    .replaceAll('{YYYY}', yyyy)
    .replaceAll('{YY}', yyyy.slice(-2))
    .replaceAll('{MM}', mm)
    .replaceAll('{#}', String(n).padStart(width, '0'));
}
