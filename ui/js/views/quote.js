// One quotation (#/quotations/<id>): facts, lines, totals, and what can be done from its
// status. Ids: #quote-number, #quote-status, #quote-actions with #quote-edit, #quote-send,
// #quote-accept, #quote-reject, #quote-cancel, #quote-revise, #quote-copy, #quote-convert,
// #quote-print; #quote-lines-view tr[data-line], #quote-totals-view [data-total=…],
// #quote-revisions, #quote-links a[data-doc-type], #quote-history li[data-event],
// #quote-comms; dialogs #reject-dialog (#reject-reason, #reject-competitor,
// #reject-confirm) and #convert-dialog (#convert-invoice, #convert-delivery,
// #convert-kind, #convert-address, #convert-confirm).
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { go } from '../session.js';
import { showToast } from '../toast.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { addReminderButton } from '../components/reminder-dialog.js';
import { confirmDialog, modal } from '../components/dialogs.js';
import { printDialog } from '../components/print-dialog.js';
import { newTaskButton } from '../components/task-button.js';
import { formErrorArea, showFormError, markInvalid, clearErrors } from '../forms.js';
import { t } from '../i18n.js';
import { statusBadge, moneyEl, dayEl, isZero } from '../quotes.js';

const enc = encodeURIComponent;

/** The lines of a document as a read-only table; delivery notes show no prices. */
export function linesView(id, lines, currency, priced = true) {
  const cols = priced ? ['description', 'unit', 'quantity', 'unit_price', 'discount', 'vat_rate', 'total'] : ['description', 'unit', 'quantity'];
  return h(
    'table',
    { id, class: 'data-table lines-table' },
    h('caption', { class: 'sr-only', i18n: 'quote.lines' }),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, '#'), cols.map((c) => h('th', { scope: 'col', class: c === 'description' || c === 'unit' ? null : 'num', i18n: `quote.line.${c}` })))),
    h(
      'tbody',
      null,
      lines.map((l, i) =>
        h(
          'tr',
          { 'data-line': String(i) },
          h('td', { class: 'line-no' }, String(i + 1)),
          h('td', { class: 'line-desc' }, h('bdi', { dir: 'auto' }, l.description)),
          h('td', null, l.unit ? h('bdi', null, l.unit) : ''),
          h('td', { class: 'num', dir: 'ltr' }, String(l.quantity)),
          priced
            ? [
                h('td', { class: 'num' }, moneyEl(l.unit_price, currency)),
                h('td', { class: 'num' }, isZero(l.discount_amount) ? '—' : moneyEl(l.discount_amount, currency)),
                h('td', { class: 'num' }, h('bdi', { dir: 'ltr' }, `${l.vat_rate}%`)),
                h('td', { class: 'num', 'data-line-total': String(l.total) }, moneyEl(l.total, currency)),
              ]
            : null,
        ),
      ),
    ),
  );
}

/** The totals of a document as a list: subtotal, discount, taxable amount, VAT (per
 * rate when there are several), total. Used by the editor (live) and the pages. */
export function totalsList(id, t, currency) {
  const row = (key, name, amount) => [h('dt', { i18n: key }), h('dd', { 'data-total': name, class: 'num' }, moneyEl(amount, currency))];
  const dl = h(
    'dl',
    { id, class: 'totals' },
    row('quote.totals.subtotal', 'subtotal', t.subtotal),
    isZero(t.discount_total) ? null : row('quote.totals.discount', 'discount', t.discount_total),
    row('quote.totals.net', 'net', t.net_total),
    t.vat_breakdown.length > 1 ? t.vat_breakdown.map((b) => [h('dt', { i18n: ['quote.totals.vat_rate', { rate: b.rate }] }), h('dd', { class: 'num', 'data-vat-rate': String(b.rate) }, moneyEl(b.vat, currency))]) : null,
    row('quote.totals.vat', 'vat', t.vat_total),
    row('quote.totals.total', 'total', t.total),
  );
  dl.lastElementChild.classList.add('grand');
  return dl;
}

export function totalsView(id, t, currency, inclVat) {
  return h('section', { class: 'card totals-card' }, totalsList(id, t, currency), inclVat ? h('p', { class: 'hint', i18n: 'quote.totals.incl_note' }) : null);
}

export function historyView(id, events) {
  return h(
    'ol',
    { id, class: 'history' },
    events.map((e) =>
      h(
        'li',
        { 'data-event': e.event, 'data-status': e.status || '' },
        timeEl(e.at),
        ' ',
        h('span', { i18n: `quote.event.${e.event}` }),
        e.status ? [' — ', h('span', { i18n: `quote.status.${e.status}` })] : null,
        e.detail ? [' — ', h('bdi', null, e.detail)] : null,
        e.actor_name ? h('span', { class: 'muted' }, ' · ', h('bdi', null, e.actor_name)) : null,
      ),
    ),
  );
}

export function docHref(type, id) {
  const base = { quotation: 'quotations', invoice: 'invoices', delivery_note: 'delivery-notes', inquiry: 'inquiries' }[type];
  return `#/${base}/${enc(id)}`;
}

export async function renderQuote(view, id) {
  const back = h('a', { href: '#/quotations', id: 'quote-back', class: 'back-link' }, icon('back', { flip: true }), h('span', { i18n: 'quote.back' }));
  let q;
  let events;
  let comms;
  try {
    [q, events, comms] = await Promise.all([api.quotesGet(id), api.quotesHistory(id), api.quotesCommunications(id).catch(() => [])]);
  } catch (err) {
    view.replaceChildren(back, h('div', { class: 'page-header' }, h('h1', { i18n: 'quote.title' })), errorBanner(err));
    return;
  }
  const banner = h('div', { class: 'banner-slot' });
  const content = h('div', { class: 'quote-view' });
  const printer = printDialog();

  // ---------------------------------------------------------------- reject dialog
  const reason = h('input', { id: 'reject-reason', name: 'lost_reason', required: true, dir: 'auto', i18nAttr: { placeholder: 'quote.reject_dialog.reason_hint' } });
  const competitor = h('input', { id: 'reject-competitor', name: 'competitor', dir: 'auto' });
  const rejectError = formErrorArea('reject-error');
  const rejectForm = h(
    'form',
    { class: 'modal-body', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'reject-reason', i18n: 'quote.reject_dialog.reason' }), reason),
    h('div', { class: 'field' }, h('label', { for: 'reject-competitor', i18n: 'quote.reject_dialog.competitor' }), competitor),
    rejectError,
    h('div', { class: 'modal-actions' }, h('button', { type: 'submit', id: 'reject-confirm', class: 'btn btn-primary', i18n: 'quote.reject_dialog.confirm' }), h('button', { type: 'button', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => rejectDialog.close() })),
  );
  const rejectDialog = modal({ id: 'reject-dialog', title: 'quote.reject_dialog.title', body: rejectForm });
  rejectForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(rejectForm);
    if (!reason.value.trim()) {
      markInvalid(reason, 'quote.reject_dialog.reason');
      reason.focus();
      return;
    }
    try {
      await api.quotesSetStatus(q.id, { status: 'rejected', lost_reason: reason.value.trim(), competitor: competitor.value.trim() });
      rejectDialog.close();
      showToast(['quote.status_changed', { status: t('quote.status.rejected') }]);
      await reload();
    } catch (err) {
      showFormError(rejectError, err);
    }
  });

  // ---------------------------------------------------------------- convert dialog
  const convInvoice = h('input', { type: 'checkbox', id: 'convert-invoice', checked: true });
  const convDelivery = h('input', { type: 'checkbox', id: 'convert-delivery' });
  const convKind = h('select', { id: 'convert-kind' }, h('option', { value: 'simplified', i18n: 'quote.convert_dialog.kind_simplified' }), h('option', { value: 'standard', i18n: 'quote.convert_dialog.kind_standard' }));
  const convAddress = h('textarea', { id: 'convert-address', rows: 2, dir: 'auto' });
  const convError = formErrorArea('convert-error');
  const convForm = h(
    'form',
    { class: 'modal-body', novalidate: true },
    h('div', { class: 'field check' }, convInvoice, h('label', { for: 'convert-invoice', i18n: 'quote.convert_dialog.invoice' })),
    h('div', { class: 'field' }, h('label', { for: 'convert-kind', i18n: 'quote.convert_dialog.invoice_kind' }), convKind),
    h('div', { class: 'field check' }, convDelivery, h('label', { for: 'convert-delivery', i18n: 'quote.convert_dialog.delivery_note' })),
    h('div', { class: 'field' }, h('label', { for: 'convert-address', i18n: 'quote.convert_dialog.address' }), convAddress),
    convError,
    h('div', { class: 'modal-actions' }, h('button', { type: 'submit', id: 'convert-confirm', class: 'btn btn-primary', i18n: 'quote.convert_dialog.confirm' }), h('button', { type: 'button', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => convertDialog.close() })),
  );
  const convertDialog = modal({ id: 'convert-dialog', title: 'quote.convert_dialog.title', body: convForm });
  convForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(convForm);
    if (!convInvoice.checked && !convDelivery.checked) {
      showFormError(convError, 'quote.convert_dialog.need_one');
      return;
    }
    try {
      const out = await api.quotesConvert(q.id, { invoice: convInvoice.checked, delivery_note: convDelivery.checked, invoice_kind: convKind.value, delivery_address: convAddress.value.trim() });
      convertDialog.close();
      const numbers = [out.invoice?.number, out.delivery_note?.number].filter(Boolean).join('، ');
      showToast(['quote.convert_dialog.done', { numbers }]);
      if (out.invoice) go(`invoices/${enc(out.invoice.id)}`);
      else await reload();
    } catch (err) {
      showFormError(convError, err);
    }
  });

  view.replaceChildren(back, banner, content, rejectDialog, convertDialog, printer.dialog);

  function fail(err) {
    banner.replaceChildren(errorBanner(err));
    localize(banner);
  }

  async function reload() {
    try {
      [q, events, comms] = await Promise.all([api.quotesGet(q.id), api.quotesHistory(q.id), api.quotesCommunications(q.id).catch(() => [])]);
      banner.replaceChildren();
      draw();
    } catch (err) {
      fail(err);
    }
  }

  async function setStatus(status) {
    if (status === 'cancelled') {
      const ok = await confirmDialog({ title: 'quote.cancel', message: ['quote.cancel_confirm', { number: q.number }], confirm: 'quote.cancel', danger: true });
      if (!ok) return;
    }
    try {
      await api.quotesSetStatus(q.id, { status });
      showToast(['quote.status_changed', { status: t(`quote.status.${status}`) }]);
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  async function revise() {
    try {
      const r = await api.quotesRevise(q.id);
      showToast(['quote.revised', { number: r.number }]);
      go(`quotations/${enc(r.id)}/edit`);
    } catch (err) {
      fail(err);
    }
  }

  async function copy() {
    try {
      const c = await api.quotesCopy(q.id);
      showToast(['quote.copied', { number: c.number }]);
      go(`quotations/${enc(c.id)}/edit`);
    } catch (err) {
      fail(err);
    }
  }

  function button(idName, iconName, key, onclick, cls = 'btn btn-secondary') {
    return h('button', { type: 'button', id: idName, class: cls, onclick }, icon(iconName), h('span', { i18n: key }));
  }

  function draw() {
    const allowed = new Set(q.allowed || []);
    const live = (q.invoices || []).filter((d) => d.status !== 'cancelled');
    const actions = [];
    if (q.editable) actions.push(button('quote-edit', 'edit', 'quote.edit', () => go(`quotations/${enc(q.id)}/edit`)));
    if (allowed.has('sent')) actions.push(button('quote-send', 'send', 'quote.send', () => setStatus('sent')));
    if (allowed.has('accepted')) actions.push(button('quote-accept', 'check', 'quote.accept', () => setStatus('accepted'), 'btn btn-primary'));
    if (allowed.has('rejected')) actions.push(button('quote-reject', 'x', 'quote.reject', () => { reason.value = ''; competitor.value = ''; clearErrors(rejectForm); rejectDialog.showModal(); reason.focus(); }));
    if (q.status === 'accepted' && !live.length) actions.push(button('quote-convert', 'truck', 'quote.convert', () => { clearErrors(convForm); convertDialog.showModal(); }, 'btn btn-primary'));
    if (['sent', 'rejected', 'expired'].includes(q.status)) actions.push(button('quote-revise', 'edit', 'quote.revise', revise));
    actions.push(button('quote-copy', 'copy', 'quote.copy', copy));
    actions.push(addReminderButton({ kind: 'quotation', id: q.id }, q.number));
    actions.push(newTaskButton({ kind: 'quotation', id: q.id }, q.number));
    actions.push(button('quote-print', 'print', 'quote.print', () => printer.open('quotation', q.id, q.number)));
    if (allowed.has('cancelled')) actions.push(button('quote-cancel', 'trash', 'quote.cancel', () => setStatus('cancelled'), 'btn btn-danger-ghost'));

    const superseded = q.superseded_by ? (q.revisions || []).find((r) => r.id === q.superseded_by) : null;
    const header = h(
      'header',
      { class: 'card doc-hero', 'data-quote-id': q.id, 'data-status': q.status },
      h(
        'div',
        { class: 'doc-title' },
        h('p', { class: 'doc-kind', i18n: 'quote.doc.quotation' }),
        h('h1', { id: 'quote-number', dir: 'ltr', tabindex: '-1' }, q.number),
        h('p', { class: 'doc-meta' }, h('span', { id: 'quote-status' }, statusBadge(q.status)), ' ', h('a', { href: `#/contacts/${enc(q.contact_id)}`, id: 'quote-contact' }, h('bdi', null, q.contact_name))),
      ),
      h(
        'dl',
        { class: 'facts doc-facts' },
        h('dt', { i18n: 'quote.field.issue_date' }), h('dd', null, dayEl(q.issue_date)),
        h('dt', { i18n: 'quote.field.valid_until' }), h('dd', { id: 'quote-valid-until-view' }, dayEl(q.valid_until)),
        q.inquiry_id ? [h('dt', { i18n: 'quote.field.inquiry' }), h('dd', null, h('a', { href: docHref('inquiry', q.inquiry_id), dir: 'ltr' }, q.inquiry_number || '—'))] : null,
        q.owner_name ? [h('dt', { i18n: 'quote.field.salesperson' }), h('dd', null, h('bdi', null, q.owner_name))] : null,
        q.lost_reason ? [h('dt', { i18n: 'quote.reject_dialog.reason' }), h('dd', { id: 'quote-lost-reason' }, h('bdi', null, q.lost_reason), q.competitor ? [' — ', h('bdi', null, q.competitor)] : null)] : null,
      ),
      h('div', { class: 'page-actions', id: 'quote-actions' }, actions),
    );
    const notice = superseded
      ? h('p', { class: 'note', id: 'quote-superseded' }, h('span', { i18n: ['quote.superseded_by', { number: superseded.number }] }), ' ', h('a', { href: docHref('quotation', superseded.id), i18n: 'quote.open' }))
      : null;
    const linesCard = h('section', { class: 'card' }, h('h2', { class: 'card-title', i18n: 'quote.lines' }), h('div', { class: 'table-wrap' }, linesView('quote-lines-view', q.lines, q.currency)));
    const textCard = q.terms || q.notes
      ? h('section', { class: 'card' }, q.terms ? [h('h3', { i18n: 'quote.field.terms' }), h('p', { class: 'pre', dir: 'auto', id: 'quote-terms-view' }, q.terms)] : null, q.notes ? [h('h3', { i18n: 'quote.field.notes' }), h('p', { class: 'pre', dir: 'auto' }, q.notes)] : null)
      : null;
    const links = [...(q.invoices || []).map((d) => ['invoice', d]), ...(q.delivery_notes || []).map((d) => ['delivery_note', d])];
    const side = h(
      'div',
      { class: 'doc-side' },
      h(
        'section',
        { class: 'card' },
        h('h2', { class: 'card-title', i18n: 'quote.linked' }),
        links.length
          ? h('ul', { id: 'quote-links', class: 'link-list' }, links.map(([type, d]) => h('li', null, h('a', { href: docHref(type, d.id), 'data-doc-type': type, dir: 'ltr' }, d.number), ' ', h('span', { i18n: `quote.doc.${type}` }), ' ', statusBadge(d.status))))
          : h('p', { id: 'quote-links', class: 'muted', i18n: 'quote.no_linked' }),
      ),
      (q.revisions || []).length > 1
        ? h('section', { class: 'card' }, h('h2', { class: 'card-title', i18n: 'quote.revisions' }), h('ul', { id: 'quote-revisions', class: 'link-list' }, q.revisions.map((r) => h('li', { 'aria-current': r.id === q.id ? 'true' : null }, r.id === q.id ? h('strong', { dir: 'ltr' }, r.number) : h('a', { href: docHref('quotation', r.id), dir: 'ltr' }, r.number), ' ', statusBadge(r.status)))))
        : null,
      h('section', { class: 'card' }, h('h2', { class: 'card-title', i18n: 'quote.history' }), historyView('quote-history', events)),
      h(
        'section',
        { class: 'card' },
        h('h2', { class: 'card-title', i18n: 'quote.communications' }),
        comms.length
          ? h('ul', { id: 'quote-comms', class: 'history' }, comms.map((c) => h('li', { 'data-kind': c.kind }, timeEl(c.occurred_at), ' ', h('span', { i18n: `card.kind.${c.kind}` }), c.body ? [' — ', h('bdi', { dir: 'auto' }, c.body)] : null)))
          : h('p', { id: 'quote-comms', class: 'muted', i18n: 'quote.no_communications' }),
      ),
    );
    content.replaceChildren(header, notice, h('div', { class: 'doc-layout' }, h('div', { class: 'doc-main' }, linesCard, totalsView('quote-totals-view', q.totals, q.currency, q.prices_include_vat), textCard), side));
    localize(content);
  }

  draw();
}
