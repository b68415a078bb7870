// The catalog (#/catalog): products, vehicles and services, searchable and filtered.
// Element ids for tests:
//   #catalog-add                       add button (product/create)
//   #catalog-search                    search box (Arabic-aware: name, code, model, year, VIN)
//   #catalog-filter-kind, #catalog-filter-category, #catalog-filter-stock, #catalog-filters-clear
//   #catalog-table tr[data-product-id][data-kind]   one row per item
//     td.col-name a.product-link       opens the edit form (product/write) — button[data-action=edit] too
//     select[data-action=stock]        a vehicle's stock status (product/write)
//     button[data-action=delete]       soft delete with an Undo toast (#toast-action)
//   #catalog-empty[data-state=no-items|no-results], #catalog-more, #catalog-status (live count)
//   the form: components/product-dialog.js (#product-dialog)
import { h, localize, setText } from '../dom.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { can, state } from '../state.js';
import { showToast } from '../toast.js';
import { formatMoney, formatNumber } from '../format.js';
import { pageHeader } from '../components/page.js';
import { exportControl } from '../components/export-dialog.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { confirmDialog } from '../components/dialogs.js';
import { productDialog } from '../components/product-dialog.js';
import { PRODUCT_KINDS, STOCK } from '../sales.js';

const PAGE = 50;
const DEBOUNCE_MS = 150;

function filterSelect(id, labelKey, values, prefix) {
  const select = h('select', { id, name: id }, h('option', { value: '', i18n: 'catalog.any' }), values.map((v) => h('option', { value: v, i18n: `${prefix}.${v}` })));
  return { select, el: h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: labelKey }), select) };
}

function displayName(p) {
  return p.name_ar || p.name_en || p.code;
}

export async function renderCatalog(view) {
  const canCreate = can('product', 'create');
  const canWrite = can('product', 'write');
  const canDelete = can('product', 'delete');
  const addButton = canCreate ? h('button', { type: 'button', id: 'catalog-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'catalog.add' })) : null;

  const search = h('input', {
    type: 'search',
    id: 'catalog-search',
    name: 'q',
    autofocus: true,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'catalog-table',
    i18nAttr: { placeholder: 'catalog.search_placeholder' },
  });
  const searchBar = h(
    'div',
    { class: 'search-bar', role: 'search' },
    h('label', { for: search.id, class: 'sr-only', i18n: 'catalog.search_label' }),
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, icon('search')),
    search,
  );
  const fKind = filterSelect('catalog-filter-kind', 'catalog.col.kind', PRODUCT_KINDS, 'catalog.kind');
  const fStock = filterSelect('catalog-filter-stock', 'catalog.col.stock', STOCK, 'catalog.stock');
  const fCategory = { select: h('select', { id: 'catalog-filter-category', name: 'catalog-filter-category' }) };
  fCategory.el = h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'catalog.col.category' }), fCategory.select);
  const clearFilters = h('button', { type: 'button', id: 'catalog-filters-clear', class: 'btn btn-ghost btn-sm', hidden: true, i18n: 'catalog.clear_filters' });
  const filters = h('div', { class: 'list-filters', role: 'group', i18nAttr: { 'aria-label': 'catalog.filters' } }, fKind.el, fCategory.el, fStock.el, clearFilters);

  const status = h('p', { id: 'catalog-status', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const cols = ['code', 'name', 'kind', 'category', 'price', 'stock'];
  const thead = h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col', class: `col-${c}`, i18n: `catalog.col.${c}` })), canWrite || canDelete ? h('th', { scope: 'col', class: 'col-actions', i18n: 'catalog.col.actions' }) : null));
  const tbody = h('tbody');
  const table = h('table', { id: 'catalog-table', class: 'data-table catalog-table' }, h('caption', { class: 'sr-only', i18n: 'catalog.title' }), thead, tbody);
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('section', { id: 'catalog-empty', class: 'card empty-state', hidden: true });
  const more = h('button', { type: 'button', id: 'catalog-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'catalog.more' }));
  const body = h('div', { class: 'view-body' });
  const exporter = exportControl(['products']);
  view.replaceChildren(pageHeader('catalog.title', 'catalog.subtitle', exporter.button, addButton), body);

  let first;
  let categories = [];
  try {
    [first, categories] = await Promise.all([api.productsList({ limit: PAGE }), api.productsCategories()]);
  } catch (err) {
    addButton?.remove();
    exporter.button.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }

  const editor = productDialog({
    onSaved: async () => {
      await refreshCategories();
      await runSearch();
    },
  });
  addButton?.addEventListener('click', () => editor.open(null, categories));
  body.replaceChildren(searchBar, filters, status, banner, tableCard, empty, h('div', { class: 'load-more' }, more), editor.dialog, exporter.dialog);

  function fillCategories() {
    const current = fCategory.select.value;
    fCategory.select.replaceChildren(h('option', { value: '', i18n: 'catalog.any' }), ...categories.map((c) => h('option', { value: c }, c)));
    fCategory.select.value = categories.includes(current) ? current : '';
    localize(fCategory.select);
  }
  async function refreshCategories() {
    try {
      categories = await api.productsCategories();
      fillCategories();
    } catch {
      // Suggestions only; the list still works.
    }
  }
  fillCategories();

  function fail(err) {
    banner.replaceChildren(errorBanner(err));
    localize(banner);
  }

  async function setStock(p, value, select) {
    try {
      const saved = await api.productsSetStock(p.id, value);
      items.set(saved.id, saved);
      showToast(['catalog.stock_changed', { name: displayName(saved), status: t(`catalog.stock.${value}`) }]);
      if (fStock.select.value && fStock.select.value !== value) await runSearch();
    } catch (err) {
      select.value = p.stock_status;
      fail(err);
    }
  }

  async function remove(p) {
    const ok = await confirmDialog({ title: 'catalog.delete_title', message: ['catalog.delete_confirm', { name: displayName(p) }], confirm: 'common.delete', danger: true });
    if (!ok) return;
    try {
      await api.productsDelete(p.id);
      await runSearch();
      showToast(['catalog.deleted', { name: displayName(p) }], 'success', {
        label: 'card.undo',
        run: async () => {
          try {
            await api.productsRestore(p.id);
            showToast('catalog.restored');
            await runSearch();
          } catch (err) {
            fail(err);
          }
        },
      });
    } catch (err) {
      fail(err);
    }
  }

  const items = new Map();
  function row(p) {
    items.set(p.id, p);
    const name = displayName(p);
    const details = p.kind === 'vehicle' ? [p.make, p.model, p.year, p.trim, p.colour].filter(Boolean).join(' · ') : p.name_ar && p.name_en ? p.name_en : '';
    const muted = () => h('span', { class: 'muted' }, '—');
    let stock = muted();
    if (p.kind === 'vehicle') {
      if (canWrite) {
        const select = h('select', { 'data-action': 'stock', class: 'stock-select', 'data-value': p.stock_status, i18nAttr: { 'aria-label': 'catalog.field.stock_status' } }, STOCK.map((s) => h('option', { value: s, i18n: `catalog.stock.${s}` })));
        select.value = p.stock_status || 'available';
        select.addEventListener('change', () => {
          select.dataset.value = select.value;
          setStock(items.get(p.id), select.value, select);
        });
        stock = select;
      } else {
        stock = h('span', { class: 'badge stock-badge', 'data-stock': p.stock_status, i18n: `catalog.stock.${p.stock_status}` });
      }
    }
    const actions = [];
    if (canWrite) actions.push(h('button', { type: 'button', class: 'row-action', 'data-action': 'edit', i18nAttr: { 'aria-label': 'common.edit', title: 'common.edit' }, onclick: () => editor.open(items.get(p.id), categories) }, icon('edit')));
    if (canDelete) actions.push(h('button', { type: 'button', class: 'row-action danger', 'data-action': 'delete', i18nAttr: { 'aria-label': 'common.delete', title: 'common.delete' }, onclick: () => remove(items.get(p.id)) }, icon('trash')));
    const nameCell = canWrite
      ? h('a', { href: '#/catalog', class: 'product-link', onclick: (e) => { e.preventDefault(); editor.open(items.get(p.id), categories); } }, h('bdi', null, name))
      : h('bdi', { class: 'product-name' }, name);
    return h(
      'tr',
      { 'data-product-id': p.id, 'data-kind': p.kind },
      h('td', { class: 'col-code nowrap' }, h('bdi', { dir: 'ltr', class: 'mono' }, p.code)),
      h('td', { class: 'col-name' }, nameCell, p.has_image ? h('span', { class: 'has-image', i18nAttr: { title: 'catalog.has_image', 'aria-label': 'catalog.has_image' } }, icon('image')) : null, details ? h('div', { class: 'sub' }, h('bdi', null, details)) : null, p.vin ? h('div', { class: 'sub mono', dir: 'ltr' }, p.vin) : null),
      h('td', { class: 'col-kind' }, h('span', { class: 'badge kind-badge', 'data-product-kind': p.kind, i18n: `catalog.kind.${p.kind}` })),
      h('td', { class: 'col-category' }, p.category ? h('bdi', null, p.category) : muted()),
      h('td', { class: 'col-price num nowrap' }, formatMoney(p.price, state.company?.currency || 'SAR'), h('div', { class: 'sub' }, h('span', { 'data-num': p.vat_rate }, formatNumber(p.vat_rate)), '%', p.unit ? [' · ', h('bdi', null, p.unit)] : null)),
      h('td', { class: 'col-stock' }, stock),
      actions.length ? h('td', { class: 'col-actions' }, h('div', { class: 'row-actions' }, actions)) : null,
    );
  }

  function filtering() {
    return Boolean(fKind.select.value || fCategory.select.value || fStock.select.value);
  }

  function showEmpty(text) {
    const searching = Boolean(text.trim()) || filtering();
    empty.replaceChildren(
      h('span', { class: 'empty-icon' }, icon(searching ? 'search' : 'catalog')),
      h('h2', { i18n: text.trim() ? ['catalog.no_results_title', { q: text.trim() }] : searching ? 'catalog.no_match' : 'catalog.empty_title' }),
      h('p', { class: 'muted', i18n: searching ? 'catalog.no_results_text' : 'catalog.empty_text' }),
      canCreate && !searching ? h('button', { type: 'button', id: 'catalog-empty-add', class: 'btn btn-primary', onclick: () => editor.open(null, categories) }, icon('plus'), h('span', { i18n: 'catalog.add' })) : null,
    );
    empty.dataset.state = searching ? 'no-results' : 'no-items';
    localize(empty);
  }

  let seq = 0;
  let next = null;
  const query = (extra = {}) => ({
    text: search.value,
    limit: PAGE,
    kind: fKind.select.value,
    category: fCategory.select.value,
    stock_status: fStock.select.value,
    ...extra,
  });

  function show(page, text, append) {
    if (!append) tbody.replaceChildren();
    tbody.append(...page.items.map(row));
    next = page.next || null;
    more.hidden = !next;
    const n = tbody.children.length;
    tableCard.hidden = n === 0;
    empty.hidden = n !== 0;
    clearFilters.hidden = !filtering();
    if (n === 0) showEmpty(text);
    setText(status, [next ? 'catalog.results_more' : 'catalog.results', { n }]);
    localize(tbody);
  }

  async function runSearch() {
    const mine = ++seq;
    try {
      const page = await api.productsList(query());
      if (mine !== seq) return;
      banner.replaceChildren();
      show(page, search.value, false);
    } catch (err) {
      if (mine === seq) fail(err);
    }
  }

  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(runSearch, DEBOUNCE_MS);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      runSearch();
    }
  });
  for (const el of [fKind.select, fCategory.select, fStock.select]) el.addEventListener('change', runSearch);
  clearFilters.addEventListener('click', () => {
    for (const el of [fKind.select, fCategory.select, fStock.select]) el.value = '';
    runSearch();
    search.focus();
  });
  more.addEventListener('click', async () => {
    const mine = seq;
    more.disabled = true;
    try {
      const page = await api.productsList(query({ after: next }));
      if (mine === seq) show(page, search.value, true);
    } catch (err) {
      fail(err);
    } finally {
      more.disabled = false;
    }
  });

  show(first, '', false);
  localize(body);
}
