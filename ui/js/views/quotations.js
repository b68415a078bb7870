// Quotations list (#/quotations): search by number or customer, filter by status,
// newest first, paged. Ids: #quote-search, #quote-filter-status, #quote-superseded,
// #quotes-table tr[data-quote-id], #quotes-more, #quote-new.
import { h, localize } from '../dom.js';
import { api } from '../api.js';
import { can } from '../state.js';
import { pageHeader } from '../components/page.js';
import { exportControl } from '../components/export-dialog.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { QUOTE_STATUSES, statusBadge, moneyEl, dayEl } from '../quotes.js';
import { docTabs } from './sales-docs.js';

const PAGE = 50;

export const quoteHref = (id) => `#/quotations/${encodeURIComponent(id)}`;

export async function renderQuotations(view) {
  const add = can('quotation', 'create')
    ? h('a', { href: '#/quotations/new', id: 'quote-new', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'quote.new' }))
    : null;
  const search = h('input', { type: 'search', id: 'quote-search', class: 'search-input', autofocus: true, i18nAttr: { placeholder: 'quote.search', 'aria-label': 'quote.search' } });
  const status = h(
    'select',
    { id: 'quote-filter-status', i18nAttr: { 'aria-label': 'quote.col.status' } },
    h('option', { value: '', i18n: 'quote.all_statuses' }),
    QUOTE_STATUSES.map((s) => h('option', { value: s, i18n: `quote.status.${s}` })),
  );
  const superseded = h('input', { type: 'checkbox', id: 'quote-superseded' });
  const filters = h(
    'div',
    { class: 'filters' },
    h('div', { class: 'search-bar' }, icon('search'), search),
    h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'quote.col.status' }), status),
    h('label', { class: 'filter check' }, superseded, h('span', { i18n: 'quote.include_superseded' })),
  );
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'quotes-table', class: 'data-table' },
    h('caption', { class: 'sr-only', i18n: 'quote.title' }),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['number', 'customer', 'date', 'valid_until', 'status', 'total', 'salesperson'].map((c) => h('th', { scope: 'col', class: c === 'total' ? 'num' : null, i18n: `quote.col.${c}` })),
      ),
    ),
    tbody,
  );
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('p', { class: 'empty-state', id: 'quotes-empty', hidden: true });
  const more = h('button', { type: 'button', id: 'quotes-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'quote.more' }));
  const banner = h('div', { class: 'banner-slot' });
  const exporter = exportControl(['quotes', 'quote_lines']);
  view.replaceChildren(pageHeader('quote.title', 'quote.subtitle', exporter.button, add), docTabs('quotation'), filters, banner, tableCard, empty, h('div', { class: 'load-more' }, more), exporter.dialog);

  let next = null;
  let token = 0;

  function row(q) {
    return h(
      'tr',
      { 'data-quote-id': q.id, 'data-status': q.status },
      h('td', null, h('a', { href: quoteHref(q.id), class: 'row-link', dir: 'ltr' }, q.number)),
      h('td', null, h('bdi', null, q.contact_name)),
      h('td', null, dayEl(q.issue_date)),
      h('td', null, dayEl(q.valid_until)),
      h('td', null, statusBadge(q.status)),
      h('td', { class: 'num' }, moneyEl(q.total, q.currency)),
      h('td', null, q.owner_name ? h('bdi', null, q.owner_name) : h('span', { class: 'muted' }, '—')),
    );
  }

  function query(after) {
    return { text: search.value.trim(), status: status.value, include_superseded: superseded.checked || undefined, limit: PAGE, after };
  }

  async function load() {
    const mine = ++token;
    try {
      const page = await api.quotesList(query());
      if (mine !== token) return;
      banner.replaceChildren();
      tbody.replaceChildren(...page.items.map(row));
      next = page.next || null;
      more.hidden = !next;
      const filtered = search.value.trim() || status.value;
      empty.hidden = page.items.length > 0;
      empty.dataset.i18n = '';
      empty.textContent = '';
      empty.replaceChildren(h('span', { i18n: filtered ? 'quote.empty_filtered' : 'quote.empty' }));
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
  superseded.addEventListener('change', load);
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await api.quotesList(query(next));
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
