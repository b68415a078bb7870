// Invoices (#/invoices) and delivery notes (#/delivery-notes): newest first, searchable by
// number or customer, filtered by status. Ids: #docs-search, #docs-filter-status,
// #docs-table tr[data-doc-id], #docs-more, #docs-empty; tabs .doc-tabs a[data-tab].
import { h, localize } from '../dom.js';
import { api } from '../api.js';
import { errorBanner } from '../components/error-banner.js';
import { pageHeader } from '../components/page.js';
import { exportControl } from '../components/export-dialog.js';
import { icon } from '../components/icons.js';
import { statusBadge, moneyEl, dayEl } from '../quotes.js';
import { docHref } from './quote.js';

const PAGE = 50;

const TYPES = {
  invoice: {
    title: 'quote.lists.invoices',
    list: (q) => api.invoicesList(q),
    statuses: ['issued', 'paid', 'cancelled'],
    cols: ['number', 'kind', 'customer', 'date', 'status', 'quotation', 'total'],
    exports: ['invoices', 'invoice_lines'],
  },
  delivery_note: {
    title: 'quote.lists.delivery_notes',
    list: (q) => api.deliveryNotesList(q),
    statuses: ['issued', 'delivered', 'cancelled'],
    cols: ['number', 'customer', 'date', 'status', 'quotation', 'invoice'],
    exports: ['delivery_notes', 'delivery_note_lines'],
  },
};

/** Tabs between quotations, invoices and delivery notes. */
export function docTabs(current) {
  const tab = (key, href, label) => h('li', null, h('a', { href, 'data-tab': key, class: 'tab', 'aria-current': key === current ? 'page' : null, i18n: label }));
  return h(
    'nav',
    { class: 'tabs doc-tabs', i18nAttr: { 'aria-label': 'quote.title' } },
    h(
      'ul',
      null,
      tab('quotation', '#/quotations', 'quote.title'),
      tab('invoice', '#/invoices', 'quote.lists.invoices'),
      tab('delivery_note', '#/delivery-notes', 'quote.lists.delivery_notes'),
    ),
  );
}

export async function renderSalesDocs(view, type) {
  const t = TYPES[type];
  const search = h('input', { type: 'search', id: 'docs-search', class: 'search-input', autofocus: true, i18nAttr: { placeholder: 'quote.search', 'aria-label': 'quote.search' } });
  const status = h('select', { id: 'docs-filter-status', i18nAttr: { 'aria-label': 'quote.col.status' } }, h('option', { value: '', i18n: 'quote.all_statuses' }), t.statuses.map((s) => h('option', { value: s, i18n: `quote.status.${s}` })));
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'docs-table', class: 'data-table' },
    h('caption', { class: 'sr-only', i18n: t.title }),
    h('thead', null, h('tr', null, t.cols.map((c) => h('th', { scope: 'col', class: c === 'total' ? 'num' : null, i18n: `quote.col.${c}` })))),
    tbody,
  );
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('p', { class: 'empty-state', id: 'docs-empty', hidden: true, i18n: 'quote.lists.empty' });
  const more = h('button', { type: 'button', id: 'docs-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'quote.more' }));
  const banner = h('div', { class: 'banner-slot' });
  const exporter = exportControl(t.exports);
  view.replaceChildren(
    pageHeader(t.title, null, exporter.button),
    docTabs(type),
    h('div', { class: 'filters' }, h('div', { class: 'search-bar' }, icon('search'), search), h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'quote.col.status' }), status)),
    banner,
    tableCard,
    empty,
    h('div', { class: 'load-more' }, more),
    exporter.dialog,
  );

  const cell = {
    number: (d) => h('a', { href: docHref(type, d.id), class: 'row-link', dir: 'ltr' }, d.number),
    kind: (d) => h('span', { i18n: d.kind === 'standard' ? 'quote.doc.standard_invoice' : 'quote.doc.simplified_invoice' }),
    customer: (d) => h('bdi', null, d.contact_name),
    date: (d) => dayEl(d.issue_date),
    status: (d) => statusBadge(d.status),
    quotation: (d) => (d.quote_id ? h('a', { href: docHref('quotation', d.quote_id), dir: 'ltr' }, d.quote_number || '—') : '—'),
    invoice: (d) => (d.invoice_number ? h('span', { dir: 'ltr' }, d.invoice_number) : '—'),
    total: (d) => moneyEl(d.total, d.currency),
  };
  const row = (d) => h('tr', { 'data-doc-id': d.id, 'data-status': d.status }, t.cols.map((c) => h('td', { class: c === 'total' ? 'num' : null }, cell[c](d))));

  let next = null;
  let token = 0;
  const query = (after) => ({ text: search.value.trim(), status: status.value, limit: PAGE, after });
  async function load() {
    const mine = ++token;
    try {
      const page = await t.list(query());
      if (mine !== token) return;
      banner.replaceChildren();
      tbody.replaceChildren(...page.items.map(row));
      next = page.next || null;
      more.hidden = !next;
      empty.hidden = page.items.length > 0;
      tableCard.hidden = page.items.length === 0;
      localize(view);
    } catch (err) {
      if (mine !== token) return;
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  status.addEventListener('change', load);
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await t.list(query(next));
      tbody.append(...page.items.map(row));
      next = page.next || null;
      more.hidden = !next;
      localize(tbody);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    } finally {
      more.disabled = false;
    }
  });
  await load();
}
