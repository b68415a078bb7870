// New and edit quotation (#/quotations/new[?contact=ID|?inquiry=ID], #/quotations/<id>/edit).
// Totals come from the backend (quotes_preview) as the user types: the UI never does
// money arithmetic. Ids: #quote-form, #quote-contact-search, #quote-contact-results
// li button[data-contact-id], #quote-contact-chosen, #quote-issue-date, #quote-valid-until,
// #quote-incl-vat, #quote-lines tbody tr[data-line] (inputs named description, unit,
// quantity, unit_price, discount, discount_kind, vat_rate; .line-total), #quote-add-line,
// #quote-add-product, #product-search, #product-results li button[data-product-id],
// #quote-totals [data-total=subtotal|discount|net|vat|total], #quote-terms, #quote-notes,
// #quote-save, #quote-form-error.
import { h, localize } from '../dom.js';
import { api } from '../api.js';
import { state } from '../state.js';
import { go } from '../session.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner, loading } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { modal } from '../components/dialogs.js';
import { clearErrors, formErrorArea, markInvalid, showFormError } from '../forms.js';
import { pick } from '../i18n.js';
import { displayName } from '../contacts.js';
import { decimalInput, moneyEl, today } from '../quotes.js';
import { totalsList } from './quote.js';

const NUMERIC = ['quantity', 'unit_price', 'discount', 'vat_rate'];

function companyVat() {
  const c = state.company || {};
  return String(c.default_vat_rate ?? c.profile?.default_vat_rate ?? '15');
}

function companyCurrency() {
  const c = state.company || {};
  return c.currency ?? c.profile?.currency ?? 'SAR';
}

function blankLine() {
  return { product_id: null, description: '', unit: '', quantity: '1', unit_price: '', discount_kind: 'percent', discount: '0', vat_rate: companyVat() };
}

function fromLine(l) {
  return {
    product_id: l.product_id || null,
    description: l.description,
    unit: l.unit || '',
    quantity: String(l.quantity),
    unit_price: String(l.unit_price),
    discount_kind: l.discount_kind,
    discount: String(l.discount),
    vat_rate: String(l.vat_rate),
  };
}

export async function renderQuoteEdit(view, id, params) {
  const back = h('a', { href: id ? `#/quotations/${encodeURIComponent(id)}` : '#/quotations', class: 'back-link', id: 'quote-back' }, icon('back', { flip: true }), h('span', { i18n: 'quote.back' }));
  // From an approved inquiry: the backend makes the draft, then we edit it.
  if (!id && params.get('inquiry')) {
    view.replaceChildren(back, loading());
    try {
      const q = await api.quotesFromInquiry(params.get('inquiry'));
      history.replaceState(null, '', `#/quotations/${encodeURIComponent(q.id)}/edit`);
      return renderQuoteEdit(view, q.id, new URLSearchParams());
    } catch (err) {
      view.replaceChildren(back, pageHeader('quote.new_title'), errorBanner(err));
      return;
    }
  }

  let quote = null;
  let contact = null;
  let settings = state.settings || {};
  try {
    const [q, s] = await Promise.all([id ? api.quotesGet(id) : null, api.settingsGet().catch(() => settings)]);
    quote = q;
    settings = s || settings;
    const contactId = quote?.contact_id || params.get('contact');
    if (contactId) contact = await api.contactsGet(contactId).catch(() => (quote ? { id: quote.contact_id, name_ar: quote.contact_name } : null));
  } catch (err) {
    view.replaceChildren(back, pageHeader('quote.new_title'), errorBanner(err));
    return;
  }
  if (quote && !quote.editable) {
    view.replaceChildren(back, pageHeader(['quote.edit_title', { number: quote.number }]), h('p', { class: 'note', id: 'quote-read-only', i18n: 'quote.read_only' }));
    return;
  }

  const lines = quote ? quote.lines.map(fromLine) : [blankLine()];
  const currency = quote?.currency || companyCurrency();

  // ---------------------------------------------------------------- customer
  const contactSearch = h('input', { type: 'search', id: 'quote-contact-search', autocomplete: 'off', i18nAttr: { placeholder: 'quote.customer_search', 'aria-label': 'quote.field.customer' } });
  const contactResults = h('ul', { id: 'quote-contact-results', class: 'picker-results', role: 'listbox', hidden: true });
  const contactChosen = h('div', { id: 'quote-contact-chosen', class: 'picker-chosen', hidden: true });
  const contactBox = h('div', { class: 'field picker' }, h('label', { for: 'quote-contact-search' }, h('span', { i18n: 'quote.field.customer' }), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), contactChosen, contactSearch, contactResults);

  function showContact() {
    const chosen = Boolean(contact);
    contactChosen.hidden = !chosen;
    contactSearch.hidden = chosen;
    contactResults.hidden = true;
    if (chosen) {
      contactChosen.dataset.contactId = contact.id;
      contactChosen.replaceChildren(
        icon('contacts'),
        h('bdi', { class: 'chosen-name' }, displayName(contact) || contact.name_ar || ''),
        h('button', { type: 'button', class: 'btn btn-ghost btn-sm', id: 'quote-contact-change', i18n: 'quote.customer_change', onclick: () => { contact = null; showContact(); contactSearch.focus(); } }),
      );
      localize(contactChosen);
    }
  }
  let contactTimer = null;
  contactSearch.addEventListener('input', () => {
    clearTimeout(contactTimer);
    contactTimer = setTimeout(async () => {
      const text = contactSearch.value.trim();
      if (!text) {
        contactResults.hidden = true;
        return;
      }
      try {
        const page = await api.contactsSearch({ text, limit: 8 });
        contactResults.replaceChildren(
          ...(page.items.length
            ? page.items.map((c) =>
                h('li', { role: 'option' }, h('button', { type: 'button', 'data-contact-id': c.id, onclick: () => { contact = c; showContact(); schedulePreview(); } }, h('bdi', null, displayName(c)), c.phone ? h('span', { class: 'muted', dir: 'ltr' }, ` ${c.phone}`) : null)),
              )
            : [h('li', { class: 'muted', i18n: 'quote.customer_none' })]),
        );
        contactResults.hidden = false;
        localize(contactResults);
      } catch {
        contactResults.hidden = true;
      }
    }, 150);
  });

  // ---------------------------------------------------------------- header fields
  const issueDate = h('input', { type: 'date', id: 'quote-issue-date', name: 'issue_date', value: quote?.issue_date || today() });
  const validUntil = h('input', { type: 'date', id: 'quote-valid-until', name: 'valid_until', value: quote?.valid_until || '' });
  const inclVat = h('input', { type: 'checkbox', id: 'quote-incl-vat', name: 'prices_include_vat', checked: quote ? quote.prices_include_vat : Boolean(settings.prices_include_vat) });
  const terms = h('textarea', { id: 'quote-terms', name: 'terms', rows: 4, dir: 'auto', value: quote ? quote.terms : settings.quotation_terms || '' });
  const notes = h('textarea', { id: 'quote-notes', name: 'notes', rows: 2, dir: 'auto', value: quote?.notes || '' });
  const facts = h(
    'div',
    { class: 'form-grid' },
    contactBox,
    h('div', { class: 'field' }, h('label', { for: 'quote-issue-date', i18n: 'quote.field.issue_date' }), issueDate),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'quote-valid-until', i18n: 'quote.field.valid_until' }),
      validUntil,
      h('p', { class: 'hint', i18n: ['quote.field.valid_until_hint', { days: settings.default_quotation_validity_days ?? 15 }] }),
    ),
    h('div', { class: 'field check' }, inclVat, h('label', { for: 'quote-incl-vat', i18n: 'quote.field.prices_include_vat' })),
  );

  // ---------------------------------------------------------------- lines
  const tbody = h('tbody');
  const linesTable = h(
    'table',
    { id: 'quote-lines', class: 'data-table lines-table' },
    h('caption', { class: 'sr-only', i18n: 'quote.lines' }),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, '#'),
        ['description', 'unit', 'quantity', 'unit_price', 'discount', 'vat_rate', 'total'].map((c) => h('th', { scope: 'col', class: c === 'description' || c === 'unit' ? null : 'num', i18n: `quote.line.${c}` })),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only', i18n: 'common.delete' })),
      ),
    ),
    tbody,
  );
  const addLine = h('button', { type: 'button', id: 'quote-add-line', class: 'btn btn-secondary' }, icon('plus'), h('span', { i18n: 'quote.add_line' }));
  const addProduct = h('button', { type: 'button', id: 'quote-add-product', class: 'btn btn-secondary' }, icon('search'), h('span', { i18n: 'quote.add_product' }));

  function input(i, name, attrs = {}) {
    const numeric = NUMERIC.includes(name);
    const el = h(name === 'description' ? 'textarea' : 'input', {
      name,
      value: lines[i][name] ?? '',
      dir: numeric ? 'ltr' : 'auto',
      inputmode: numeric ? 'decimal' : null,
      rows: name === 'description' ? 1 : null,
      class: numeric ? 'num-input' : null,
      i18nAttr: { 'aria-label': `quote.line.${name}` },
      ...attrs,
    });
    el.addEventListener('input', () => {
      lines[i][name] = el.value;
      if (el.getAttribute('aria-invalid') === 'true') clearErrors(el.closest('td'));
      schedulePreview();
    });
    return el;
  }

  function drawLines() {
    tbody.replaceChildren(
      ...lines.map((l, i) => {
        const kind = h(
          'select',
          { name: 'discount_kind', i18nAttr: { 'aria-label': 'quote.line.discount' } },
          h('option', { value: 'percent', i18n: 'quote.line.discount_percent' }),
          h('option', { value: 'amount', i18n: 'quote.line.discount_amount' }),
        );
        kind.value = l.discount_kind;
        kind.addEventListener('change', () => {
          l.discount_kind = kind.value;
          schedulePreview();
        });
        return h(
          'tr',
          { 'data-line': String(i) },
          h('td', { class: 'line-no' }, String(i + 1)),
          h('td', { class: 'line-desc' }, input(i, 'description', { required: true })),
          h('td', { class: 'line-unit' }, input(i, 'unit', { size: 6 })),
          h('td', null, input(i, 'quantity', { size: 5 })),
          h('td', null, input(i, 'unit_price', { size: 9 })),
          h('td', { class: 'line-discount' }, input(i, 'discount', { size: 5 }), kind),
          h('td', null, input(i, 'vat_rate', { size: 4 })),
          h('td', { class: 'num line-total' }, '—'),
          h(
            'td',
            null,
            h('button', {
              type: 'button',
              class: 'btn-icon',
              'data-remove-line': String(i),
              i18nAttr: { 'aria-label': 'common.delete', title: 'common.delete' },
              disabled: lines.length === 1,
              onclick: () => {
                lines.splice(i, 1);
                drawLines();
                schedulePreview();
              },
            }, icon('trash')),
          ),
        );
      }),
    );
    localize(tbody);
  }

  addLine.addEventListener('click', () => {
    lines.push(blankLine());
    drawLines();
    tbody.querySelector('tr:last-child [name=description]')?.focus();
    schedulePreview();
  });

  // ---------------------------------------------------------------- catalog picker
  const productSearch = h('input', { type: 'search', id: 'product-search', autocomplete: 'off', i18nAttr: { placeholder: 'quote.product_search', 'aria-label': 'quote.product_search' } });
  const productResults = h('ul', { id: 'product-results', class: 'picker-results', role: 'listbox' });
  const productDialog = modal({ id: 'product-picker', title: 'quote.add_product', body: h('div', { class: 'modal-body' }, productSearch, productResults) });
  const productName = (p) => pick(p.name_ar || p.name_en, p.name_en || p.name_ar) || p.code;
  let productToken = 0;
  async function findProducts() {
    const mine = ++productToken;
    try {
      const page = await api.productsList({ text: productSearch.value.trim(), limit: 12 });
      if (mine !== productToken) return; // a newer search is on its way
      const items = page.items || page;
      productResults.replaceChildren(
        ...(items.length
          ? items.map((p) =>
              h(
                'li',
                { role: 'option' },
                h(
                  'button',
                  {
                    type: 'button',
                    'data-product-id': p.id,
                    onclick: () => {
                      const blank = lines.length === 1 && !lines[0].description.trim() && !lines[0].unit_price;
                      const line = { ...blankLine(), product_id: p.id, description: productName(p), unit: p.unit || '', unit_price: String(p.price), vat_rate: String(p.vat_rate) };
                      if (blank) lines[0] = line;
                      else lines.push(line);
                      productDialog.close();
                      drawLines();
                      schedulePreview();
                    },
                  },
                  h('span', { class: 'muted', dir: 'ltr' }, p.code), ' ', h('bdi', null, productName(p)), ' ', moneyEl(p.price, currency),
                ),
              ),
            )
          : [h('li', { class: 'muted', i18n: 'quote.product_none' })]),
      );
      localize(productResults);
    } catch (err) {
      productResults.replaceChildren(h('li', null, errorBanner(err)));
      localize(productResults);
    }
  }
  let productTimer = null;
  productSearch.addEventListener('input', () => {
    clearTimeout(productTimer);
    productTimer = setTimeout(findProducts, 150);
  });
  addProduct.addEventListener('click', () => {
    productSearch.value = '';
    productDialog.showModal();
    findProducts();
  });

  // ---------------------------------------------------------------- totals
  let totals = h('dl', { id: 'quote-totals', class: 'totals' });
  const inclNote = h('p', { class: 'hint', id: 'quote-incl-note', i18n: 'quote.totals.incl_note', hidden: !inclVat.checked });
  inclVat.addEventListener('change', () => {
    inclNote.hidden = !inclVat.checked;
    schedulePreview();
  });

  function drawTotals(t) {
    const list = totalsList('quote-totals', t, currency);
    totals.replaceWith(list);
    totals = list;
    localize(totals);
  }

  // ---------------------------------------------------------------- input → backend
  const errorArea = formErrorArea('quote-form-error');

  /** The input for the backend, or null after marking what is not a number. */
  function collect(markErrors) {
    let ok = true;
    const out = lines.map((l, i) => {
      const row = tbody.querySelector(`tr[data-line="${i}"]`);
      const line = { product_id: l.product_id, description: l.description, unit: l.unit, discount_kind: l.discount_kind };
      for (const name of NUMERIC) {
        const raw = l[name];
        const v = decimalInput(raw === '' && name === 'discount' ? '0' : raw);
        if (v === null) {
          ok = false;
          const control = row?.querySelector(`[name=${name}]`);
          if (markErrors && control && String(raw).trim() !== '') markInvalid(control, 'quote.not_a_number');
        }
        line[name] = v;
      }
      return line;
    });
    if (!ok) return null;
    return {
      contact_id: contact?.id || '',
      inquiry_id: quote?.inquiry_id || null,
      issue_date: issueDate.value || null,
      valid_until: validUntil.value || null,
      prices_include_vat: inclVat.checked,
      lines: out,
      terms: terms.value,
      notes: notes.value,
      owner_id: quote?.owner_id || null,
    };
  }

  let previewTimer = null;
  let previewToken = 0;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 200);
  }
  async function preview() {
    const input = collect(true);
    if (!input) return;
    const mine = ++previewToken;
    try {
      const p = await api.quotesPreview(input);
      if (mine !== previewToken) return;
      p.lines.forEach((l, i) => {
        const cell = tbody.querySelector(`tr[data-line="${i}"] .line-total`);
        if (cell) cell.replaceChildren(moneyEl(l.total, currency));
      });
      drawTotals(p.totals);
      errorArea.hidden = true;
    } catch {
      // Half-typed lines (no description yet) are normal while typing; saving says why.
    }
  }

  function placeError(err) {
    if (err.code === 'invalid_input' && Number.isInteger(err.index) && err.field) {
      const control = tbody.querySelector(`tr[data-line="${err.index}"] [name="${CSS.escape(err.field)}"]`);
      if (control) {
        markInvalid(control, err);
        control.focus();
        return;
      }
    }
    if (err.code === 'invalid_input' && (err.field === 'contact_id' || err.field === 'contact')) {
      markInvalid(contactSearch.hidden ? contactChosen : contactSearch, err);
      return;
    }
    const named = err.field && form.querySelector(`[name="${CSS.escape(err.field)}"]`);
    if (err.code === 'invalid_input' && named) {
      markInvalid(named, err);
      named.focus();
      return;
    }
    showFormError(errorArea, err);
  }

  const save = h('button', { type: 'submit', id: 'quote-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'quote.save' }));
  const form = h(
    'form',
    { id: 'quote-form', class: 'quote-form', novalidate: true },
    h('section', { class: 'card' }, facts),
    h('section', { class: 'card', 'aria-labelledby': 'quote-lines-title' }, h('h2', { class: 'card-title', id: 'quote-lines-title', i18n: 'quote.lines' }), h('div', { class: 'table-wrap' }, linesTable), h('div', { class: 'lines-actions' }, addLine, addProduct)),
    h(
      'div',
      { class: 'quote-bottom' },
      h('section', { class: 'card' }, h('div', { class: 'field' }, h('label', { for: 'quote-terms', i18n: 'quote.field.terms' }), terms), h('div', { class: 'field' }, h('label', { for: 'quote-notes', i18n: 'quote.field.notes' }), notes)),
      h('section', { class: 'card totals-card' }, totals, inclNote),
    ),
    errorArea,
    h('div', { class: 'form-actions' }, save),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!contact) {
      markInvalid(contactSearch, 'quote.customer_search');
      contactSearch.focus();
      return;
    }
    const input = collect(true);
    if (!input) return;
    save.disabled = true;
    try {
      const saved = quote ? await api.quotesUpdate(quote.id, input) : await api.quotesCreate(input);
      showToast('quote.saved');
      go(`quotations/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      placeError(err);
    } finally {
      save.disabled = false;
    }
  });

  view.replaceChildren(back, pageHeader(quote ? ['quote.edit_title', { number: quote.number }] : 'quote.new_title'), form, productDialog);
  showContact();
  drawLines();
  await preview();
}
