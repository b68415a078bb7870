// Inquiries (#/inquiries): the list, newest first, or the follow-ups due.
// Element ids for tests:
//   #inquiry-add                        new inquiry (opens components/inquiry-dialog.js)
//   #inquiries-search                   number, customer name or phone digits
//   #inquiries-filter-status, #inquiries-filter-channel, #inquiries-filter-due (checkbox),
//   #inquiries-filters-clear
//   #inquiries-table tr[data-inquiry-id][data-status]   a.inquiry-link opens #/inquiries/<id>
//   #inquiries-empty[data-state=no-inquiries|no-results], #inquiries-more, #inquiries-status
import { h, localize, setText, timeEl } from '../dom.js';
import { api } from '../api.js';
import { can } from '../state.js';
import { go } from '../session.js';
import { formatMoney } from '../format.js';
import { pageHeader } from '../components/page.js';
import { exportControl } from '../components/export-dialog.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { inquiryDialog } from '../components/inquiry-dialog.js';
import { loadDirectory } from '../contacts.js';
import { INQ_CHANNELS, INQ_STATUSES, CLOSED, statusBadge, todayIso, dayInstant } from '../sales.js';

const PAGE = 50;
const DEBOUNCE_MS = 150;

export const inquiryHref = (id) => `#/inquiries/${encodeURIComponent(id)}`;

function filterSelect(id, labelKey, values, prefix) {
  const select = h('select', { id, name: id }, h('option', { value: '', i18n: 'inq.any' }), values.map((v) => h('option', { value: v, i18n: `${prefix}.${v}` })));
  return { select, el: h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: labelKey }), select) };
}

export async function renderInquiries(view) {
  const canCreate = can('inquiry', 'create');
  const addButton = canCreate ? h('button', { type: 'button', id: 'inquiry-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'inq.add' })) : null;
  const search = h('input', {
    type: 'search',
    id: 'inquiries-search',
    name: 'q',
    autofocus: true,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'inquiries-table',
    i18nAttr: { placeholder: 'inq.search_placeholder' },
  });
  const searchBar = h(
    'div',
    { class: 'search-bar', role: 'search' },
    h('label', { for: search.id, class: 'sr-only', i18n: 'inq.search_label' }),
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, icon('search')),
    search,
  );
  const fStatus = filterSelect('inquiries-filter-status', 'inq.col.status', INQ_STATUSES, 'inq.status');
  const fChannel = filterSelect('inquiries-filter-channel', 'inq.col.channel', INQ_CHANNELS, 'inq.channel');
  const fDue = h('input', { type: 'checkbox', id: 'inquiries-filter-due', name: 'due' });
  const clearFilters = h('button', { type: 'button', id: 'inquiries-filters-clear', class: 'btn btn-ghost btn-sm', hidden: true, i18n: 'inq.clear_filters' });
  const filters = h(
    'div',
    { class: 'list-filters', role: 'group', i18nAttr: { 'aria-label': 'inq.filters' } },
    fStatus.el,
    fChannel.el,
    h('label', { class: 'filter filter-check' }, fDue, h('span', { i18n: 'inq.due_only' })),
    clearFilters,
  );

  const status = h('p', { id: 'inquiries-status', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const cols = ['number', 'contact', 'items', 'status', 'channel', 'follow_up', 'owner', 'created'];
  const thead = h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col', class: `col-${c}`, i18n: `inq.col.${c}` }))));
  const tbody = h('tbody');
  const table = h('table', { id: 'inquiries-table', class: 'data-table inquiries-table' }, h('caption', { class: 'sr-only', i18n: 'inq.title' }), thead, tbody);
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('section', { id: 'inquiries-empty', class: 'card empty-state', hidden: true });
  const more = h('button', { type: 'button', id: 'inquiries-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'inq.more' }));
  const body = h('div', { class: 'view-body' });
  const exporter = exportControl(['inquiries']);
  view.replaceChildren(pageHeader('inq.title', 'inq.subtitle', exporter.button, addButton), body);

  let first;
  let directory;
  try {
    [first, directory] = await Promise.all([api.inquiriesList({ limit: PAGE }), loadDirectory()]);
  } catch (err) {
    addButton?.remove();
    exporter.button.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }

  const editor = inquiryDialog({
    directory,
    onSaved: (saved, created) => {
      if (created) go(`inquiries/${encodeURIComponent(saved.id)}`);
      else runSearch();
    },
  });
  addButton?.addEventListener('click', () => editor.open(null));
  body.replaceChildren(searchBar, filters, status, banner, tableCard, empty, h('div', { class: 'load-more' }, more), ...editor.dialogs, exporter.dialog);

  const today = todayIso();
  function row(s) {
    const muted = () => h('span', { class: 'muted' }, '—');
    const due = s.follow_up_on && s.follow_up_on <= today && !CLOSED.includes(s.status);
    return h(
      'tr',
      { 'data-inquiry-id': s.id, 'data-status': s.status },
      h('td', { class: 'col-number nowrap' }, h('a', { href: inquiryHref(s.id), class: 'inquiry-link' }, h('bdi', { dir: 'ltr' }, s.number)), s.approved ? h('span', { class: 'approved-mark', i18nAttr: { title: 'inq.approved', 'aria-label': 'inq.approved' } }, icon('check')) : null),
      h('td', { class: 'col-contact' }, h('bdi', null, s.contact_name || '—')),
      h('td', { class: 'col-items' }, s.first_item ? [h('bdi', null, s.first_item), s.item_count > 1 ? h('span', { class: 'more-count', i18n: ['inq.items_more', { n: s.item_count - 1 }] }) : null] : muted(), s.budget ? h('div', { class: 'sub' }, formatMoney(s.budget, s.currency)) : null),
      h('td', { class: 'col-status' }, statusBadge(s.status)),
      h('td', { class: 'col-channel' }, h('span', { i18n: `inq.channel.${s.channel}` })),
      h('td', { class: `col-follow_up nowrap${due ? ' due' : ''}` }, s.follow_up_on ? timeEl(dayInstant(s.follow_up_on), 'date') : muted(), due ? h('span', { class: 'badge due-badge', i18n: 'inq.overdue' }) : null),
      h('td', { class: 'col-owner' }, s.owner_name ? h('bdi', null, s.owner_name) : muted()),
      h('td', { class: 'col-created nowrap' }, timeEl(s.created_at, 'date')),
    );
  }

  function filtering() {
    return Boolean(fStatus.select.value || fChannel.select.value || fDue.checked);
  }

  function showEmpty(text) {
    const searching = Boolean(text.trim()) || filtering();
    empty.replaceChildren(
      h('span', { class: 'empty-icon' }, icon(searching ? 'search' : 'inquiries')),
      h('h2', { i18n: text.trim() ? ['inq.no_results_title', { q: text.trim() }] : searching ? 'inq.no_match' : 'inq.empty_title' }),
      h('p', { class: 'muted', i18n: searching ? 'inq.no_results_text' : 'inq.empty_text' }),
      canCreate && !searching ? h('button', { type: 'button', id: 'inquiries-empty-add', class: 'btn btn-primary', onclick: () => editor.open(null) }, icon('plus'), h('span', { i18n: 'inq.add' })) : null,
    );
    empty.dataset.state = searching ? 'no-results' : 'no-inquiries';
    localize(empty);
  }

  let seq = 0;
  let next = null;
  const query = (extra = {}) => ({
    text: search.value,
    limit: PAGE,
    status: fStatus.select.value,
    channel: fChannel.select.value,
    follow_up_due: fDue.checked || undefined,
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
    setText(status, [next ? 'inq.results_more' : 'inq.results', { n }]);
    localize(tbody);
  }

  async function runSearch() {
    const mine = ++seq;
    try {
      const page = await api.inquiriesList(query());
      if (mine !== seq) return;
      banner.replaceChildren();
      show(page, search.value, false);
    } catch (err) {
      if (mine !== seq) return;
      banner.replaceChildren(errorBanner(err));
      localize(banner);
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
  for (const el of [fStatus.select, fChannel.select, fDue]) el.addEventListener('change', runSearch);
  clearFilters.addEventListener('click', () => {
    fStatus.select.value = '';
    fChannel.select.value = '';
    fDue.checked = false;
    runSearch();
    search.focus();
  });
  more.addEventListener('click', async () => {
    const mine = seq;
    more.disabled = true;
    try {
      const page = await api.inquiriesList(query({ after: next }));
      if (mine === seq) show(page, search.value, true);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    } finally {
      more.disabled = false;
    }
  });
  // The whole row opens the inquiry.
  tbody.addEventListener('click', (e) => {
    if (e.target.closest('a, button, input, select')) return;
    const link = e.target.closest('tr')?.querySelector('.inquiry-link');
    if (link && !window.getSelection()?.toString()) location.hash = link.getAttribute('href');
  });

  show(first, '', false);
  localize(body);
}
