// One contact's card (#/contacts/<id>): how to reach them, details, custom fields,
// purchases, the timeline with quick logging, and merge / undo merge.
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { go } from '../session.js';
import { showToast } from '../toast.js';
import { formatMoney, formatNumber } from '../format.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { addReminderButton } from '../components/reminder-dialog.js';
import { confirmDialog } from '../components/dialogs.js';
import { contactDialog } from '../components/contact-dialog.js';
import { mergeDialog } from '../components/merge-dialog.js';
import { timeline } from '../components/timeline.js';
import { newTaskButton } from '../components/task-button.js';
import { displayName, kindBadge, loadDirectory, mayOn, ownerLabel, SOURCES, CHANNELS, PHONE_LABELS } from '../contacts.js';

const SOCIAL_URLS = {
  instagram: (h) => `https://instagram.com/${h}`,
  x: (h) => `https://x.com/${h}`,
  facebook: (h) => `https://facebook.com/${h}`,
  linkedin: (h) => `https://www.linkedin.com/in/${h}`,
  snapchat: (h) => `https://snapchat.com/add/${h}`,
  tiktok: (h) => `https://tiktok.com/@${h}`,
  telegram: (h) => `https://t.me/${h}`,
  youtube: (h) => `https://youtube.com/@${h}`,
};

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

function socialItem(s) {
  const url = /^https?:\/\//i.test(s.handle) ? s.handle : SOCIAL_URLS[s.network]?.(s.handle);
  return h(
    'li',
    { 'data-network': s.network },
    h('span', { class: 'channel-label', i18n: `contacts.social_network.${s.network}` }),
    url ? h('a', { href: url, dir: 'ltr', rel: 'noopener', target: '_blank' }, s.handle) : h('span', { dir: 'ltr' }, s.handle),
  );
}

function addressItem(a) {
  const lines = [a.line, [a.city, a.region, a.postal_code].filter(Boolean).join('، ')].filter(Boolean);
  return h(
    'li',
    { class: 'address', 'data-label': a.label },
    h('span', { class: 'channel-label', i18n: `contacts.address_label.${a.label}` }),
    h('address', { dir: 'auto' }, lines.map((l, i) => [i ? h('br') : null, h('bdi', null, l)]), a.country ? [h('br'), h('span', { 'data-country': a.country, i18n: `countries.${a.country}` })] : null),
  );
}

/** A custom value for display: a choice by its label, numbers and dates localised. */
function customValue(f, v) {
  if (f.field_type === 'choice') {
    const c = f.choices.find((x) => x.key === v);
    return c ? h('span', { 'data-ar': c.ar, 'data-en': c.en }, c.ar) : h('span', null, v);
  }
  if (f.field_type === 'number') return h('span', { 'data-num': v }, formatNumber(v));
  // A calendar day, not an instant: noon local time keeps every time zone on that day.
  if (f.field_type === 'date') return timeEl(`${v}T12:00:00`, 'date');
  return h('bdi', { dir: 'auto' }, v);
}

export async function renderContact(view, id) {
  const back = h('a', { href: '#/contacts', id: 'contact-back', class: 'back-link' }, icon('back', { flip: true }), h('span', { i18n: 'contacts.back' }));
  let directory;
  let c;
  let fields;
  let merges;
  let purchases;
  try {
    [directory, c, fields, merges, purchases] = await Promise.all([
      loadDirectory(), api.contactsGet(id), api.fieldsList(), api.contactsMerges(id), api.contactsPurchases(id),
    ]);
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
  const merger = mergeDialog({
    directory,
    onMerged: (outcome) => {
      showToast(['card.merge.done', { n: outcome.merge.merged_ids.length }], 'success', {
        label: 'card.undo',
        run: () => undoMerge(outcome.merge.id),
      });
      if (outcome.survivor.id === c.id) reload();
      else go(`contacts/${encodeURIComponent(outcome.survivor.id)}`);
    },
  });
  view.replaceChildren(back, banner, content, ...dialogs, merger.dialog);

  function fail(err) {
    banner.replaceChildren(errorBanner(err));
    localize(banner);
  }

  async function reload() {
    try {
      [c, merges, purchases] = await Promise.all([api.contactsGet(c.id), api.contactsMerges(c.id), api.contactsPurchases(c.id)]);
      banner.replaceChildren();
      draw();
      localize(content);
    } catch (err) {
      fail(err);
    }
  }

  async function undoMerge(key) {
    try {
      await api.contactsUnmerge(key);
      showToast('card.merge.undone');
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  async function remove() {
    const ok = await confirmDialog({ title: 'contacts.delete_title', message: ['contacts.delete_confirm', { name: displayName(c) }], confirm: 'common.delete', danger: true });
    if (!ok) return;
    banner.replaceChildren();
    try {
      const gone = c.id;
      await api.contactsDelete(gone);
      showToast('toast.deleted', 'success', {
        label: 'card.undo',
        run: async () => {
          await api.contactsRestore(gone);
          go(`contacts/${encodeURIComponent(gone)}`);
        },
      });
      go('contacts');
    } catch (err) {
      fail(err);
    }
  }

  function draw() {
    const name = displayName(c);
    const latin = c.name_ar && c.name_latin ? c.name_latin : '';
    const initial = (name.trim()[0] || '?').toUpperCase();
    const canWrite = mayOn('write', c);
    const actions = [];
    if (canWrite) {
      actions.push(h('button', { type: 'button', id: 'contact-edit', class: 'btn btn-secondary', onclick: () => open(c) }, icon('edit'), h('span', { i18n: 'common.edit' })));
      actions.push(h('button', { type: 'button', id: 'contact-merge', class: 'btn btn-secondary', onclick: () => merger.open(c) }, icon('merge'), h('span', { i18n: 'card.merge.button' })));
    }
    actions.push(addReminderButton({ kind: 'contact', id: c.id }, name));
    actions.push(newTaskButton({ kind: 'contact', id: c.id }, name));
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

    // The newest merge into this contact that can still be undone.
    const live = merges.find((m) => !m.undone_at);
    const mergeNotice = live
      ? h(
          'p',
          { class: 'note merge-notice', id: 'merge-notice', 'data-merge-id': live.id },
          icon('merge'),
          h('span', { i18n: ['card.merge.notice', { names: live.merged_names }] }),
          ' ',
          timeEl(live.merged_at),
          canWrite ? h('button', { type: 'button', id: 'merge-undo', class: 'btn btn-secondary btn-sm', onclick: () => undoMerge(live.id) }, icon('undo'), h('span', { i18n: 'card.merge.undo' })) : null,
        )
      : null;

    const reach = h(
      'section',
      { class: 'card', 'aria-labelledby': 'contact-reach-title' },
      h('h2', { class: 'card-title', id: 'contact-reach-title', i18n: 'contacts.section.reach' }),
      h('h3', { class: 'fact-heading' }, icon('phone'), h('span', { i18n: 'contacts.field.phones' })),
      c.phones.length ? h('ul', { id: 'contact-phones', class: 'channel-list' }, c.phones.map(phoneItem)) : h('p', { id: 'contact-phones', class: 'muted', i18n: 'contacts.no_phones' }),
      h('h3', { class: 'fact-heading' }, icon('mail'), h('span', { i18n: 'contacts.field.emails' })),
      c.emails.length ? h('ul', { id: 'contact-emails', class: 'channel-list' }, c.emails.map(emailItem)) : h('p', { id: 'contact-emails', class: 'muted', i18n: 'contacts.no_emails' }),
      c.social.length ? [h('h3', { class: 'fact-heading' }, icon('globe'), h('span', { i18n: 'contacts.field.social' })), h('ul', { id: 'contact-social-list', class: 'channel-list' }, c.social.map(socialItem))] : null,
      h(
        'dl',
        { class: 'facts' },
        fact('contacts.field.preferred_channel', 'preferred_channel', CHANNELS.includes(c.preferred_channel) ? h('span', { i18n: `contacts.channel.${c.preferred_channel}` }) : null),
        fact('contacts.field.website', 'website', c.website ? h('a', { href: c.website, dir: 'ltr', rel: 'noopener', target: '_blank' }, c.website.replace(/^https?:\/\//i, '')) : null),
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
        fact('contacts.field.addresses', 'addresses', c.addresses.length ? h('ul', { id: 'contact-address-list', class: 'channel-list' }, c.addresses.map(addressItem)) : null),
      ),
    );

    const custom = fields.length
      ? h(
          'section',
          { class: 'card', id: 'contact-custom', 'aria-labelledby': 'contact-custom-title' },
          h('h2', { class: 'card-title', id: 'contact-custom-title', i18n: 'card.custom_fields' }),
          h('dl', { class: 'facts' }, fields.map((f) => [
            h('dt', { 'data-ar': f.label_ar, 'data-en': f.label_en }, f.label_ar),
            h('dd', { 'data-field': `custom:${f.id}` }, c.custom[f.id] ? customValue(f, c.custom[f.id]) : h('span', { class: 'muted' }, '—')),
          ])),
        )
      : null;

    const bought = h(
      'section',
      { class: 'card', id: 'contact-purchases', 'aria-labelledby': 'contact-purchases-title' },
      h('h2', { class: 'card-title', id: 'contact-purchases-title', i18n: 'card.purchases' }),
      purchases.length
        ? h('table', { class: 'data-table purchases-table' },
            h('thead', null, h('tr', null, ['date', 'document', 'description', 'amount'].map((k) => h('th', { scope: 'col', i18n: `card.purchase_col.${k}` })))),
            h('tbody', null, purchases.map((p) => h('tr', { 'data-purchase-id': p.id },
              h('td', null, timeEl(p.purchased_at, 'date')),
              h('td', null, h('bdi', { dir: 'ltr' }, p.doc_number || '—')),
              h('td', null, h('bdi', { dir: 'auto' }, p.description)),
              h('td', { class: 'num' }, formatMoney(p.amount, p.currency))))))
        : h('p', { class: 'muted', i18n: 'card.no_purchases' }),
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

    const history = timeline(c, { canLog: canWrite });
    content.replaceChildren(...[
      hero,
      mergeNotice,
      h('div', { class: 'contact-layout' },
        h('div', { class: 'contact-main' }, history.el, bought),
        h('div', { class: 'contact-side' }, reach, details, custom, notes)),
      stamps,
    ].filter(Boolean));
  }

  draw();
}
