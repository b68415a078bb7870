// An invoice (#/invoices/<id>) or a delivery note (#/delivery-notes/<id>): read-only
// document with its status actions and printing. Ids: #doc-number, #doc-status,
// #doc-actions with #invoice-paid, #invoice-cancel, #delivery-done, #delivery-cancel,
// #doc-print; #doc-lines tr[data-line], #doc-totals [data-total=…], #doc-quote (link back).
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { showToast } from '../toast.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { confirmDialog } from '../components/dialogs.js';
import { printDialog } from '../components/print-dialog.js';
import { t } from '../i18n.js';
import { statusBadge, dayEl } from '../quotes.js';
import { linesView, totalsView, docHref } from './quote.js';

const KINDS = {
  invoice: {
    get: (id) => api.invoicesGet(id),
    set: (id, s) => api.invoicesSetStatus(id, s),
    title: (d) => (d.kind === 'standard' ? 'quote.doc.standard_invoice' : 'quote.doc.simplified_invoice'),
    actions: [
      ['paid', 'invoice-paid', 'check', 'quote.doc.mark_paid', null],
      ['cancelled', 'invoice-cancel', 'trash', 'quote.doc.cancel_invoice', 'quote.doc.cancel_invoice_confirm'],
    ],
  },
  delivery_note: {
    get: (id) => api.deliveryNotesGet(id),
    set: (id, s) => api.deliveryNotesSetStatus(id, s),
    title: () => 'quote.doc.delivery_note',
    actions: [
      ['delivered', 'delivery-done', 'check', 'quote.doc.mark_delivered', null],
      ['cancelled', 'delivery-cancel', 'trash', 'quote.doc.cancel_delivery', 'quote.doc.cancel_delivery_confirm'],
    ],
  },
};

export async function renderSalesDoc(view, type, id) {
  const kind = KINDS[type];
  let d;
  try {
    d = await kind.get(id);
  } catch (err) {
    view.replaceChildren(h('div', { class: 'page-header' }, h('h1', { i18n: `quote.doc.${type}` })), errorBanner(err));
    return;
  }
  const banner = h('div', { class: 'banner-slot' });
  const content = h('div', { class: 'quote-view' });
  const printer = printDialog();
  view.replaceChildren(banner, content, printer.dialog);

  async function setStatus(status, confirmKey) {
    if (confirmKey) {
      const ok = await confirmDialog({ title: `quote.doc.${type}`, message: [confirmKey, { number: d.number }], confirm: 'common.confirm', danger: true });
      if (!ok) return;
    }
    try {
      d = await kind.set(d.id, status);
      showToast(['quote.status_changed', { status: t(`quote.status.${status}`) }]);
      banner.replaceChildren();
      draw();
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  function draw() {
    const final = d.status !== 'issued';
    const actions = final
      ? []
      : kind.actions.map(([status, idName, iconName, key, confirmKey]) =>
          h('button', { type: 'button', id: idName, class: status === 'cancelled' ? 'btn btn-danger-ghost' : 'btn btn-primary', onclick: () => setStatus(status, confirmKey) }, icon(iconName), h('span', { i18n: key })),
        );
    actions.push(h('button', { type: 'button', id: 'doc-print', class: 'btn btn-secondary', onclick: () => printer.open(type, d.id, d.number) }, icon('print'), h('span', { i18n: 'quote.print' })));
    const back = d.quote_id
      ? h('a', { href: docHref('quotation', d.quote_id), id: 'doc-quote', class: 'back-link' }, icon('back', { flip: true }), h('span', { i18n: ['quote.doc.back_quote', { number: d.quote_number || '' }] }))
      : null;
    const other = type === 'invoice' ? (d.delivery_note_id ? ['delivery_note', d.delivery_note_id, d.delivery_note_number] : null) : d.invoice_id ? ['invoice', d.invoice_id, d.invoice_number] : null;
    const header = h(
      'header',
      { class: 'card doc-hero', 'data-doc-type': type, 'data-doc-id': d.id, 'data-status': d.status },
      h(
        'div',
        { class: 'doc-title' },
        h('p', { class: 'doc-kind', i18n: kind.title(d) }),
        h('h1', { id: 'doc-number', dir: 'ltr', tabindex: '-1' }, d.number),
        h('p', { class: 'doc-meta' }, h('span', { id: 'doc-status' }, statusBadge(d.status)), ' ', h('a', { href: `#/contacts/${encodeURIComponent(d.contact_id)}` }, h('bdi', null, d.contact_name))),
      ),
      h(
        'dl',
        { class: 'facts doc-facts' },
        h('dt', { i18n: 'quote.field.issue_date' }), h('dd', null, dayEl(d.issue_date)),
        d.issued_at ? [h('dt', { i18n: 'quote.doc.issued_at' }), h('dd', null, timeEl(d.issued_at))] : null,
        d.delivered_at ? [h('dt', { i18n: 'quote.doc.delivered_at' }), h('dd', null, timeEl(d.delivered_at))] : null,
        d.address ? [h('dt', { i18n: 'quote.doc.address' }), h('dd', null, h('bdi', { dir: 'auto' }, d.address))] : null,
        other ? [h('dt', { i18n: `quote.doc.${other[0]}` }), h('dd', null, h('a', { href: docHref(other[0], other[1]), dir: 'ltr', id: 'doc-other' }, other[2] || '—'))] : null,
      ),
      h('div', { class: 'page-actions', id: 'doc-actions' }, actions),
    );
    const priced = type === 'invoice';
    content.replaceChildren(
      back || '',
      header,
      h('section', { class: 'card' }, h('h2', { class: 'card-title', i18n: 'quote.lines' }), h('div', { class: 'table-wrap' }, linesView('doc-lines', d.lines, d.currency, priced))),
      priced ? totalsView('doc-totals', d.totals, d.currency, d.prices_include_vat) : null,
      d.notes ? h('section', { class: 'card' }, h('h3', { i18n: 'quote.field.notes' }), h('p', { class: 'pre', dir: 'auto' }, d.notes)) : null,
    );
    localize(content);
  }
  draw();
}
