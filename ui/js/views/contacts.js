// Contacts: the searchable list (#/contacts); the card is views/contact-card.js.
// List rows: #contacts-table tr[data-contact-id]; the form is components/contact-dialog.js.
import { h, localize, setText, timeEl } from '../dom.js';
import { api } from '../api.js';
import { can, scope, state } from '../state.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { contactDialog } from '../components/contact-dialog.js';
import { pasteDialog } from '../components/paste-dialog.js';
import { importVcf } from '../components/import-vcf.js';
import { exportControl } from '../components/export-dialog.js';
import { kindBadge, loadDirectory, ownerLabel, prefillFromSearch, splitTags, KINDS, SOURCES } from '../contacts.js';

const PAGE = 50;
const DEBOUNCE_MS = 150;

const contactHref = (id) => `#/contacts/${encodeURIComponent(id)}`;

// ------------------------------------------------------------------ list

// Columns the user can show or hide (name is always shown), and the default set.
const COLUMNS = ['kind', 'phone', 'email', 'city', 'owner', 'source', 'tags', 'created', 'updated'];
const DEFAULT_COLUMNS = ['kind', 'phone', 'city', 'owner'];
const SORTABLE = { name: 'name', created: 'created', updated: 'updated' };

function savedColumns() {
  try {
    const v = JSON.parse(localStorage.getItem(`maarid.contacts.columns.${state.me?.user?.id}`) || 'null');
    if (Array.isArray(v)) return v.filter((c) => COLUMNS.includes(c));
  } catch { /* a damaged preference falls back to the default */ }
  return DEFAULT_COLUMNS;
}

function saveColumns(cols) {
  localStorage.setItem(`maarid.contacts.columns.${state.me?.user?.id}`, JSON.stringify(cols));
}

function filterSelect(id, labelKey, values, prefix) {
  const select = h('select', { id, name: id }, h('option', { value: '', i18n: 'clist.any' }), values.map((v) => h('option', { value: v, i18n: `${prefix}.${v}` })));
  return { select, el: h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: labelKey }), select) };
}

export async function renderContacts(view) {
  const canCreate = can('contact', 'create');
  const canWrite = scope('contact', 'write') !== 'none';
  const canAssignAll = scope('contact', 'write') === 'all';
  const addButton = canCreate
    ? h('button', { type: 'button', id: 'contact-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'contacts.add' }))
    : null;
  const importButton = canCreate
    ? h('button', { type: 'button', id: 'contact-import-vcf', class: 'btn btn-ghost' }, icon('contacts'), h('span', { i18n: 'clist.import.button' }))
    : null;
  const excelButton = canCreate
    ? h('a', { href: '#/import', id: 'contact-import-excel', class: 'btn btn-secondary' }, icon('import'), h('span', { i18n: 'nav.import' }))
    : null;
  const exporter = exportControl(['contacts']);
  const pasteButton = canCreate
    ? h('button', { type: 'button', id: 'contact-paste', class: 'btn btn-secondary' }, icon('clipboard'), h('span', { i18n: 'clist.paste.button' }))
    : null;

  const search = h('input', {
    type: 'search',
    id: 'contact-search',
    name: 'q',
    autofocus: true,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'contacts-table',
    i18nAttr: { placeholder: 'contacts.search_placeholder' },
  });
  const searchBar = h(
    'div',
    { class: 'search-bar', role: 'search' },
    h('label', { for: search.id, class: 'sr-only', i18n: 'contacts.search_label' }),
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, icon('search')),
    search,
  );

  // ---- filters
  const fKind = filterSelect('filter-kind', 'contacts.field.kind', KINDS, 'contacts.kind');
  const fSource = filterSelect('filter-source', 'contacts.field.source', SOURCES, 'contacts.source');
  const fOwner = { select: h('select', { id: 'filter-owner', name: 'filter-owner' }) };
  fOwner.el = h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'contacts.field.owner' }), fOwner.select);
  const fTag = h('input', { type: 'text', id: 'filter-tag', name: 'filter-tag', dir: 'auto', autocomplete: 'off' });
  const fFrom = h('input', { type: 'date', id: 'filter-from', name: 'filter-from' });
  const fTo = h('input', { type: 'date', id: 'filter-to', name: 'filter-to' });
  const clearFilters = h('button', { type: 'button', id: 'filters-clear', class: 'btn btn-ghost btn-sm', hidden: true, i18n: 'clist.clear_filters' });
  const columnsButton = h('button', { type: 'button', id: 'columns-button', class: 'btn btn-secondary btn-sm', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'columns-menu' }, icon('sliders'), h('span', { i18n: 'clist.columns' }));
  const columnsMenu = h('fieldset', { id: 'columns-menu', class: 'columns-menu', hidden: true }, h('legend', { class: 'sr-only', i18n: 'clist.columns' }));
  const filters = h(
    'div',
    { class: 'list-filters', role: 'group', i18nAttr: { 'aria-label': 'clist.filters' } },
    fKind.el,
    fSource.el,
    fOwner.el,
    h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'contacts.field.tags' }), fTag),
    h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'clist.from' }), fFrom),
    h('label', { class: 'filter' }, h('span', { class: 'filter-label', i18n: 'clist.to' }), fTo),
    clearFilters,
    h('div', { class: 'columns-chooser' }, columnsButton, columnsMenu),
  );

  // ---- bulk actions
  const bulkCount = h('span', { id: 'bulk-count', class: 'bulk-count' });
  const bulkOwner = h('select', { id: 'bulk-owner', name: 'bulk-owner' });
  const bulkTag = h('input', { type: 'text', id: 'bulk-tag', name: 'bulk-tag', dir: 'auto', autocomplete: 'off', i18nAttr: { placeholder: 'clist.tag_placeholder', 'aria-label': 'clist.tag_placeholder' } });
  const bulkBar = h(
    'div',
    { id: 'bulk-bar', class: 'bulk-bar', role: 'region', hidden: true, i18nAttr: { 'aria-label': 'clist.bulk' } },
    bulkCount,
    h('label', { class: 'bulk-field' }, h('span', { class: 'sr-only', i18n: 'clist.assign_to' }), bulkOwner),
    h('button', { type: 'button', id: 'bulk-assign', class: 'btn btn-secondary btn-sm' }, icon('users'), h('span', { i18n: 'clist.assign' })),
    bulkTag,
    h('button', { type: 'button', id: 'bulk-tag-add', class: 'btn btn-secondary btn-sm' }, icon('tag'), h('span', { i18n: 'clist.tag_add' })),
    h('button', { type: 'button', id: 'bulk-tag-remove', class: 'btn btn-ghost btn-sm', i18n: 'clist.tag_remove' }),
    h('button', { type: 'button', id: 'bulk-clear', class: 'btn btn-ghost btn-sm', i18n: 'clist.clear_selection' }),
  );

  const status = h('p', { id: 'contacts-status', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const thead = h('thead');
  const tbody = h('tbody');
  const table = h('table', { id: 'contacts-table', class: 'data-table contacts-table' }, h('caption', { class: 'sr-only', i18n: 'contacts.title' }), thead, tbody);
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('section', { id: 'contacts-empty', class: 'card empty-state', hidden: true });
  const more = h('button', { type: 'button', id: 'contacts-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'contacts.more' }));
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('contacts.title', 'contacts.subtitle', importButton, excelButton, exporter.button, pasteButton, addButton), body);

  // The first page decides what the screen shows: the list, or only the refusal.
  let directory;
  let first;
  try {
    [directory, first] = await Promise.all([loadDirectory(), api.contactsSearch({ text: '', limit: PAGE })]);
  } catch (err) {
    addButton?.remove();
    pasteButton?.remove();
    importButton?.remove();
    excelButton?.remove();
    exporter.button.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }

  const { dialogs, open } = contactDialog({
    directory,
    onSaved: async () => {
      await runSearch({ keepFocus: true });
    },
  });
  addButton?.addEventListener('click', () => open(null));
  const paster = pasteDialog({ onRead: (input) => open(null, input) });
  pasteButton?.addEventListener('click', () => paster.open());
  const importer = importVcf({ onImported: () => runSearch() });
  importButton?.addEventListener('click', () => importer.open());
  body.replaceChildren(searchBar, filters, canWrite ? bulkBar : '', status, banner, tableCard, empty, h('div', { class: 'load-more' }, more), ...dialogs, paster.dialog, ...importer.elements, exporter.dialog);

  const people = directory.map((u) => h('option', { value: u.id }, u.full_name || u.username));
  fOwner.select.replaceChildren(h('option', { value: '', i18n: 'clist.any' }), ...people.map((o) => o.cloneNode(true)));
  bulkOwner.replaceChildren(
    h('option', { value: '', disabled: true, selected: true, i18n: 'clist.assign_to' }),
    ...(canAssignAll ? people : people.filter((o) => o.value === state.me?.user?.id)),
  );

  // ---- columns
  let columns = savedColumns();
  columnsMenu.append(...COLUMNS.map((c) => {
    const box = h('input', { type: 'checkbox', name: 'column', value: c, checked: columns.includes(c) });
    box.addEventListener('change', () => {
      columns = COLUMNS.filter((k) => columnsMenu.querySelector(`input[value=${k}]`).checked);
      saveColumns(columns);
      drawHead();
      redrawRows();
    });
    return h('label', { class: 'column-option' }, box, h('span', { i18n: `clist.col.${c}` }));
  }));
  columnsButton.addEventListener('click', () => {
    columnsMenu.hidden = !columnsMenu.hidden;
    columnsButton.setAttribute('aria-expanded', String(!columnsMenu.hidden));
    if (!columnsMenu.hidden) columnsMenu.querySelector('input')?.focus();
  });
  columnsMenu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      columnsMenu.hidden = true;
      columnsButton.setAttribute('aria-expanded', 'false');
      columnsButton.focus();
    }
  });

  // ---- sorting: relevance while searching, else newest first, unless the user picks.
  let sort = null;
  let desc = false;

  const selectAll = h('input', { type: 'checkbox', id: 'select-all', i18nAttr: { 'aria-label': 'clist.select_all' } });
  function drawHead() {
    const th = (key) => {
      const sortKey = SORTABLE[key];
      if (!sortKey) return h('th', { scope: 'col', class: `col-${key}`, i18n: `clist.col.${key}` });
      const active = sort === sortKey;
      return h(
        'th',
        { scope: 'col', class: `col-${key}`, 'aria-sort': active ? (desc ? 'descending' : 'ascending') : 'none' },
        h('button', { type: 'button', class: 'sort-button', 'data-sort': sortKey, onclick: () => toggleSort(sortKey) },
          h('span', { i18n: `clist.col.${key}` }),
          h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (desc ? '▼' : '▲') : '')),
      );
    };
    thead.replaceChildren(h('tr', null, canWrite ? h('th', { class: 'col-select' }, selectAll) : null, th('name'), columns.map(th)));
    localize(thead);
  }

  function toggleSort(key) {
    if (sort === key) desc = !desc;
    else {
      sort = key;
      desc = key !== 'name';
    }
    drawHead();
    runSearch({});
  }

  // ---- selection
  const selected = new Set();
  function updateBulk() {
    bulkBar.hidden = selected.size === 0;
    setText(bulkCount, ['clist.selected', { n: selected.size }]);
    const boxes = [...tbody.querySelectorAll('input[name=select]')];
    selectAll.checked = boxes.length > 0 && boxes.every((b) => b.checked);
    selectAll.indeterminate = !selectAll.checked && boxes.some((b) => b.checked);
  }
  selectAll.addEventListener('change', () => {
    tbody.querySelectorAll('input[name=select]').forEach((b) => {
      b.checked = selectAll.checked;
      if (b.checked) selected.add(b.value);
      else selected.delete(b.value);
    });
    updateBulk();
  });

  const items = new Map();
  function cell(key, c) {
    const muted = () => h('span', { class: 'muted' }, '—');
    switch (key) {
      case 'kind': return h('td', { class: 'col-kind' }, kindBadge(c.kind));
      case 'phone': return h('td', { class: 'col-phone nowrap' }, c.phone ? h('span', { class: 'phone', dir: 'ltr' }, c.phone) : muted());
      case 'email': return h('td', { class: 'col-email' }, c.email ? h('span', { dir: 'ltr' }, c.email) : muted());
      case 'city': return h('td', { class: 'col-city' }, c.city ? h('bdi', null, c.city) : muted());
      case 'owner': return h('td', { class: 'col-owner' }, ownerLabel(directory, c.owner_id));
      case 'source': return h('td', { class: 'col-source' }, c.source ? h('span', { i18n: `contacts.source.${c.source}` }) : muted());
      case 'tags': return h('td', { class: 'col-tags' }, c.tags?.length ? h('ul', { class: 'tags' }, c.tags.map((t) => h('li', { class: 'tag' }, h('bdi', null, t)))) : muted());
      case 'created': return h('td', { class: 'col-created nowrap' }, timeEl(c.created_at, 'date'));
      case 'updated': return h('td', { class: 'col-updated nowrap' }, timeEl(c.updated_at, 'date'));
      default: return h('td');
    }
  }

  function row(c) {
    items.set(c.id, c);
    const main = c.name_ar || c.name_latin || c.company_name;
    const sub = [c.name_ar ? c.name_latin : '', c.name_ar || c.name_latin ? c.company_name : ''].filter(Boolean);
    const box = canWrite ? h('input', { type: 'checkbox', name: 'select', value: c.id, checked: selected.has(c.id), i18nAttr: { 'aria-label': 'clist.select_row' } }) : null;
    box?.addEventListener('change', () => {
      if (box.checked) selected.add(c.id);
      else selected.delete(c.id);
      updateBulk();
    });
    return h(
      'tr',
      { 'data-contact-id': c.id, 'data-kind': c.kind },
      box ? h('td', { class: 'col-select' }, box) : null,
      h(
        'td',
        { class: 'col-name' },
        h('a', { href: contactHref(c.id), class: 'contact-link' }, h('bdi', null, main || '—')),
        sub.length ? h('div', { class: 'sub' }, sub.map((s, i) => [i ? ' · ' : '', h('bdi', null, s)])) : null,
      ),
      columns.map((k) => cell(k, c)),
    );
  }

  function redrawRows() {
    const list = [...tbody.querySelectorAll('tr[data-contact-id]')].map((tr) => items.get(tr.dataset.contactId)).filter(Boolean);
    tbody.replaceChildren(...list.map(row));
    localize(tbody);
    updateBulk();
  }

  function filtering() {
    return Boolean(fKind.select.value || fSource.select.value || fOwner.select.value || fTag.value.trim() || fFrom.value || fTo.value);
  }

  function showEmpty(text) {
    const searching = Boolean(text.trim()) || filtering();
    const addHere = canCreate
      ? h(
          'button',
          { type: 'button', id: 'contacts-empty-add', class: 'btn btn-primary', onclick: () => open(null, prefillFromSearch(text)) },
          icon('plus'),
          h('span', { i18n: 'contacts.add' }),
        )
      : null;
    empty.replaceChildren(
      h('span', { class: 'empty-icon' }, icon(searching ? 'search' : 'contacts')),
      h('h2', { i18n: text.trim() ? ['contacts.no_results_title', { q: text.trim() }] : searching ? 'clist.no_match' : 'contacts.empty_title' }),
      h('p', { class: 'muted', i18n: searching ? 'contacts.no_results_text' : 'contacts.empty_text' }),
      addHere,
    );
    empty.dataset.state = searching ? 'no-results' : 'no-contacts';
    localize(empty);
  }

  let seq = 0; // the latest search; older answers are dropped
  let next = null;

  function query(extra = {}) {
    return {
      text: search.value,
      limit: PAGE,
      kind: fKind.select.value,
      source: fSource.select.value,
      owner_id: fOwner.select.value,
      tag: fTag.value.trim(),
      created_from: fFrom.value,
      created_to: fTo.value,
      sort: sort || undefined,
      desc: sort ? desc : undefined,
      ...extra,
    };
  }

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
    setText(status, n === 0 ? 'contacts.results_none' : [next ? 'contacts.results_more' : 'contacts.results', { n }]);
    localize(tbody);
    updateBulk();
  }

  async function runSearch({ keepFocus = false } = {}) {
    const mine = ++seq;
    const text = search.value;
    try {
      const page = await api.contactsSearch(query());
      if (mine !== seq) return;
      banner.replaceChildren();
      show(page, text, false);
    } catch (err) {
      if (mine !== seq) return;
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
    if (!keepFocus) return;
    // After a save the list is new; keep the user where they were (the search box).
    if (!document.querySelector('dialog[open]')) search.focus({ preventScroll: true });
  }

  let timer = null;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => runSearch(), DEBOUNCE_MS);
  };
  search.addEventListener('input', schedule);
  fTag.addEventListener('input', schedule);
  for (const el of [fKind.select, fSource.select, fOwner.select, fFrom, fTo]) el.addEventListener('change', () => runSearch());
  clearFilters.addEventListener('click', () => {
    for (const el of [fKind.select, fSource.select, fOwner.select, fTag, fFrom, fTo]) el.value = '';
    runSearch();
    search.focus();
  });

  more.addEventListener('click', async () => {
    const mine = seq;
    more.disabled = true;
    try {
      const page = await api.contactsSearch(query({ after: next }));
      if (mine !== seq) return;
      const firstNew = tbody.children.length;
      show(page, search.value, true);
      // Keyboard users carry on from the first new row.
      tbody.children[firstNew]?.querySelector('.contact-link')?.focus();
    } catch (err) {
      if (mine !== seq) return;
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    } finally {
      more.disabled = false;
    }
  });

  // ---- bulk actions: all or nothing in the backend; the list reloads after.
  async function bulk(run, toastKey) {
    const ids = [...selected];
    try {
      const n = await run(ids);
      selected.clear();
      await runSearch();
      showToast([toastKey, { n }]);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }
  bulkBar.querySelector('#bulk-assign')?.addEventListener('click', () => {
    if (!bulkOwner.value) {
      bulkOwner.focus();
      return;
    }
    bulk((ids) => api.contactsAssignOwner(ids, bulkOwner.value), 'clist.assigned');
  });
  bulkBar.querySelector('#bulk-tag-add')?.addEventListener('click', () => {
    const tags = splitTags(bulkTag.value);
    if (!tags.length) return bulkTag.focus();
    bulk((ids) => api.contactsBulkTag(ids, tags, []), 'clist.tagged');
  });
  bulkBar.querySelector('#bulk-tag-remove')?.addEventListener('click', () => {
    const tags = splitTags(bulkTag.value);
    if (!tags.length) return bulkTag.focus();
    bulk((ids) => api.contactsBulkTag(ids, [], tags), 'clist.untagged');
  });
  bulkBar.querySelector('#bulk-clear')?.addEventListener('click', () => {
    selected.clear();
    tbody.querySelectorAll('input[name=select]').forEach((b) => { b.checked = false; });
    updateBulk();
  });

  // ---- Keyboard: ↓ from the search box into the results, ↑/↓ between rows, Enter
  // opens, Space selects the row.
  const links = () => [...tbody.querySelectorAll('.contact-link')];
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const firstLink = links()[0];
      if (firstLink) {
        e.preventDefault();
        firstLink.focus();
      }
    } else if (e.key === 'Enter') {
      // Search now rather than after the pause.
      e.preventDefault();
      clearTimeout(timer);
      runSearch();
    }
  });
  tbody.addEventListener('keydown', (e) => {
    const all = links();
    const current = e.target.closest('tr')?.querySelector('.contact-link');
    const i = all.indexOf(current);
    if (i < 0) return;
    let target = null;
    if (e.key === 'ArrowDown') target = all[i + 1] || (more.hidden ? null : more);
    else if (e.key === 'ArrowUp') target = i === 0 ? search : all[i - 1];
    else if (e.key === 'Home') target = all[0];
    else if (e.key === 'End') target = all[all.length - 1];
    else if (e.key === 'Escape') target = search;
    else if (e.key === ' ' && e.target === current && canWrite) {
      e.preventDefault();
      const box = e.target.closest('tr').querySelector('input[name=select]');
      box.checked = !box.checked;
      box.dispatchEvent(new Event('change'));
      return;
    } else if (e.key === 'Enter' && e.target !== current && e.target.type !== 'checkbox') {
      e.preventDefault();
      location.hash = current.getAttribute('href');
      return;
    }
    if (target) {
      e.preventDefault();
      target.focus();
      target.closest('tr')?.scrollIntoView({ block: 'nearest' });
    }
  });
  // The whole row opens the contact, not only the name.
  tbody.addEventListener('click', (e) => {
    if (e.target.closest('a, button, input, label')) return;
    const link = e.target.closest('tr')?.querySelector('.contact-link');
    if (link && !window.getSelection()?.toString()) location.hash = link.getAttribute('href');
  });

  drawHead();
  show(first, '', false);
  localize(body);
}
