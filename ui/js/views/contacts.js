// Contacts: the searchable list (#/contacts); the card is views/contact-card.js.
// List rows: #contacts-table tr[data-contact-id]; the form is components/contact-dialog.js.
import { h, localize, setText } from '../dom.js';
import { api } from '../api.js';
import { can } from '../state.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { contactDialog } from '../components/contact-dialog.js';
import { kindBadge, loadDirectory, ownerLabel, prefillFromSearch } from '../contacts.js';

const PAGE = 50;
const DEBOUNCE_MS = 150;

const contactHref = (id) => `#/contacts/${encodeURIComponent(id)}`;

// ------------------------------------------------------------------ list

export async function renderContacts(view) {
  const canCreate = can('contact', 'create');
  const addButton = canCreate
    ? h('button', { type: 'button', id: 'contact-add', class: 'btn btn-primary' }, icon('plus'), h('span', { i18n: 'contacts.add' }))
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
  const status = h('p', { id: 'contacts-status', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'contacts-table', class: 'data-table contacts-table' },
    h('caption', { class: 'sr-only', i18n: 'contacts.title' }),
    h('thead', null, h('tr', null, ['name', 'kind', 'phone', 'city', 'owner'].map((k) => h('th', { scope: 'col', class: `col-${k}`, i18n: `contacts.col.${k}` })))),
    tbody,
  );
  const tableCard = h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table));
  const empty = h('section', { id: 'contacts-empty', class: 'card empty-state', hidden: true });
  const more = h('button', { type: 'button', id: 'contacts-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'contacts.more' }));
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('contacts.title', 'contacts.subtitle', addButton), body);

  // The first page decides what the screen shows: the list, or only the refusal.
  let directory;
  let first;
  try {
    [directory, first] = await Promise.all([loadDirectory(), api.contactsSearch({ text: '', limit: PAGE })]);
  } catch (err) {
    addButton?.remove();
    body.replaceChildren(errorBanner(err));
    return;
  }

  const { dialogs, open } = contactDialog({
    directory,
    onSaved: async () => {
      await runSearch(search.value, { keepFocus: true });
    },
  });
  addButton?.addEventListener('click', () => open(null));
  body.replaceChildren(searchBar, status, banner, tableCard, empty, h('div', { class: 'load-more' }, more), ...dialogs);

  function row(c) {
    const main = c.name_ar || c.name_latin || c.company_name;
    const sub = [c.name_ar ? c.name_latin : '', c.name_ar || c.name_latin ? c.company_name : ''].filter(Boolean);
    return h(
      'tr',
      { 'data-contact-id': c.id, 'data-kind': c.kind },
      h(
        'td',
        { class: 'col-name' },
        h('a', { href: contactHref(c.id), class: 'contact-link' }, h('bdi', null, main || '—')),
        sub.length ? h('div', { class: 'sub' }, sub.map((s, i) => [i ? ' · ' : '', h('bdi', null, s)])) : null,
      ),
      h('td', { class: 'col-kind' }, kindBadge(c.kind)),
      h('td', { class: 'col-phone nowrap' }, c.phone ? h('span', { class: 'phone', dir: 'ltr' }, c.phone) : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'col-city' }, c.city ? h('bdi', null, c.city) : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'col-owner' }, ownerLabel(directory, c.owner_id)),
    );
  }

  function showEmpty(text) {
    const searching = Boolean(text.trim());
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
      h('h2', { i18n: searching ? ['contacts.no_results_title', { q: text.trim() }] : 'contacts.empty_title' }),
      h('p', { class: 'muted', i18n: searching ? 'contacts.no_results_text' : 'contacts.empty_text' }),
      addHere,
    );
    empty.dataset.state = searching ? 'no-results' : 'no-contacts';
    localize(empty);
  }

  let seq = 0; // the latest search; older answers are dropped
  let next = null;
  let query = '';

  function show(page, text, append) {
    if (!append) tbody.replaceChildren();
    tbody.append(...page.items.map(row));
    next = page.next || null;
    more.hidden = !next;
    const n = tbody.children.length;
    tableCard.hidden = n === 0;
    empty.hidden = n !== 0;
    if (n === 0) showEmpty(text);
    setText(status, n === 0 ? 'contacts.results_none' : [next ? 'contacts.results_more' : 'contacts.results', { n }]);
    localize(tbody);
  }

  async function runSearch(text, { keepFocus = false } = {}) {
    const mine = ++seq;
    query = text;
    try {
      const page = await api.contactsSearch({ text, limit: PAGE });
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
    timer = setTimeout(() => runSearch(search.value), DEBOUNCE_MS);
  };
  search.addEventListener('input', schedule);

  more.addEventListener('click', async () => {
    const mine = seq;
    more.disabled = true;
    try {
      const page = await api.contactsSearch({ text: query, limit: PAGE, after: next });
      if (mine !== seq) return;
      const firstNew = tbody.children.length;
      show(page, query, true);
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

  // ---- Keyboard: ↓ from the search box into the results, ↑/↓ between rows, Enter opens.
  const links = () => [...tbody.querySelectorAll('.contact-link')];
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Enter') {
      // Search now rather than after the pause.
      e.preventDefault();
      clearTimeout(timer);
      runSearch(search.value);
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
    else if (e.key === 'Enter' && e.target !== current) {
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
    if (e.target.closest('a, button')) return;
    const link = e.target.closest('tr')?.querySelector('.contact-link');
    if (link && !window.getSelection()?.toString()) location.hash = link.getAttribute('href');
  });

  show(first, '', false);
  localize(body);
}
