// Contacts: the searchable list (#/contacts) and one contact's card (#/contacts/<id>).
// List rows: #contacts-table tr[data-contact-id]; the form is components/contact-dialog.js.
import { h, localize, setText, timeEl } from '../dom.js';
import { api } from '../api.js';
import { can } from '../state.js';
import { go } from '../session.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { confirmDialog } from '../components/dialogs.js';
import { contactDialog } from '../components/contact-dialog.js';
import { displayName, kindBadge, loadDirectory, mayOn, ownerLabel, prefillFromSearch, SOURCES, CHANNELS, PHONE_LABELS } from '../contacts.js';

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

// ------------------------------------------------------------------ card

function fact(key, name, value) {
  const empty = value == null || value === '' || (Array.isArray(value) && !value.length);
  return [
    h('dt', { i18n: key }),
    h('dd', { 'data-field': name }, empty ? h('span', { class: 'muted' }, '—') : value),
  ];
}

function phoneItem(p) {
  const label = PHONE_LABELS.includes(p.label) ? p.label : 'other';
  return h(
    'li',
    { 'data-label': label },
    h('span', { class: 'channel-label', i18n: `contacts.phone_label.${label}` }),
    h('a', { href: `tel:${p.e164 || p.raw}`, dir: 'ltr', class: 'phone', title: p.e164 || '' }, p.raw || p.e164),
  );
}

function emailItem(e) {
  return h('li', null, h('a', { href: `mailto:${e}`, dir: 'ltr' }, e));
}

export async function renderContact(view, id) {
  const back = h('a', { href: '#/contacts', id: 'contact-back', class: 'back-link' }, icon('back', { flip: true }), h('span', { i18n: 'contacts.back' }));
  let directory;
  let c;
  try {
    [directory, c] = await Promise.all([loadDirectory(), api.contactsGet(id)]);
  } catch (err) {
    // Not found, or not this user's to see: say so, with the way back.
    view.replaceChildren(back, h('div', { class: 'page-header' }, h('h1', { i18n: 'contacts.card_title' })), errorBanner(err));
    return;
  }

  const banner = h('div', { class: 'banner-slot' });
  const content = h('div', { class: 'contact-card' });
  const { dialogs, open } = contactDialog({
    directory,
    onSaved: (saved) => {
      c = saved;
      draw();
      localize(content);
      document.getElementById('contact-name')?.focus({ preventScroll: true });
    },
  });
  view.replaceChildren(back, banner, content, ...dialogs);

  async function remove() {
    const ok = await confirmDialog({ title: 'contacts.delete_title', message: ['contacts.delete_confirm', { name: displayName(c) }], confirm: 'common.delete', danger: true });
    if (!ok) return;
    banner.replaceChildren();
    try {
      await api.contactsDelete(c.id);
      showToast('toast.deleted');
      go('contacts');
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  function draw() {
    const name = displayName(c);
    const latin = c.name_ar && c.name_latin ? c.name_latin : '';
    const initial = (name.trim()[0] || '?').toUpperCase();
    const actions = [];
    if (mayOn('write', c)) {
      actions.push(h('button', { type: 'button', id: 'contact-edit', class: 'btn btn-secondary', onclick: () => open(c) }, icon('edit'), h('span', { i18n: 'common.edit' })));
    }
    if (mayOn('delete', c)) {
      actions.push(h('button', { type: 'button', id: 'contact-delete', class: 'btn btn-danger-ghost', onclick: remove }, icon('trash'), h('span', { i18n: 'common.delete' })));
    }
    const role = [c.job_title, c.company_name].filter(Boolean);

    const hero = h(
      'header',
      { class: 'card contact-hero', 'data-contact-id': c.id, 'data-kind': c.kind },
      h('span', { class: 'contact-avatar', 'data-kind': c.kind, 'aria-hidden': 'true' }, initial),
      h(
        'div',
        { class: 'contact-title' },
        h('h1', { id: 'contact-name', tabindex: '-1' }, h('bdi', null, name)),
        latin ? h('p', { class: 'contact-latin', id: 'contact-name-latin' }, h('bdi', { dir: 'ltr' }, latin)) : null,
        role.length ? h('p', { class: 'contact-role' }, role.map((s, i) => [i ? ' · ' : '', h('bdi', null, s)])) : null,
        h(
          'div',
          { class: 'contact-meta' },
          kindBadge(c.kind),
          h('span', { class: 'contact-owner', id: 'contact-owner' }, icon('users'), h('span', { class: 'meta-label', i18n: 'contacts.owner_label' }), ' ', ownerLabel(directory, c.owner_id)),
        ),
      ),
      actions.length ? h('div', { class: 'page-actions contact-actions' }, actions) : null,
    );

    const reach = h(
      'section',
      { class: 'card', 'aria-labelledby': 'contact-reach-title' },
      h('h2', { class: 'card-title', id: 'contact-reach-title', i18n: 'contacts.section.reach' }),
      h('h3', { class: 'fact-heading' }, icon('phone'), h('span', { i18n: 'contacts.field.phones' })),
      c.phones.length ? h('ul', { id: 'contact-phones', class: 'channel-list' }, c.phones.map(phoneItem)) : h('p', { id: 'contact-phones', class: 'muted', i18n: 'contacts.no_phones' }),
      h('h3', { class: 'fact-heading' }, icon('mail'), h('span', { i18n: 'contacts.field.emails' })),
      c.emails.length ? h('ul', { id: 'contact-emails', class: 'channel-list' }, c.emails.map(emailItem)) : h('p', { id: 'contact-emails', class: 'muted', i18n: 'contacts.no_emails' }),
      h(
        'dl',
        { class: 'facts' },
        fact('contacts.field.preferred_channel', 'preferred_channel', CHANNELS.includes(c.preferred_channel) ? h('span', { i18n: `contacts.channel.${c.preferred_channel}` }) : null),
      ),
    );

    const details = h(
      'section',
      { class: 'card', 'aria-labelledby': 'contact-details-title' },
      h('h2', { class: 'card-title', id: 'contact-details-title', i18n: 'contacts.section.details' }),
      h(
        'dl',
        { class: 'facts' },
        fact('contacts.field.company_name', 'company_name', c.company_name ? h('bdi', null, c.company_name) : null),
        fact('contacts.field.job_title', 'job_title', c.job_title ? h('bdi', null, c.job_title) : null),
        fact('contacts.field.city', 'city', c.city ? h('bdi', null, c.city) : null),
        fact('contacts.field.source', 'source', SOURCES.includes(c.source) ? h('span', { i18n: `contacts.source.${c.source}` }) : null),
        fact('contacts.field.tags', 'tags', c.tags.length ? h('ul', { id: 'contact-tags', class: 'tags' }, c.tags.map((t) => h('li', { class: 'tag' }, h('bdi', null, t)))) : null),
      ),
    );

    const notes = h(
      'section',
      { class: 'card contact-notes-card', 'aria-labelledby': 'contact-notes-title' },
      h('h2', { class: 'card-title', id: 'contact-notes-title', i18n: 'contacts.field.notes' }),
      c.notes ? h('p', { id: 'contact-notes', class: 'notes', dir: 'auto' }, c.notes) : h('p', { id: 'contact-notes', class: 'muted', i18n: 'contacts.no_notes' }),
    );

    const stamps = h(
      'p',
      { class: 'contact-stamps' },
      h('span', null, h('span', { i18n: 'contacts.created' }), ' ', timeEl(c.created_at)),
      h('span', null, h('span', { i18n: 'contacts.updated' }), ' ', timeEl(c.updated_at)),
    );

    content.replaceChildren(hero, h('div', { class: 'contact-grid' }, reach, details), notes, stamps);
  }

  draw();
}
