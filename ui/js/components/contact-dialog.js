// The contact form (#contact-dialog, #contact-form) for adding and editing, and the
// prompt (#duplicate-dialog) shown when the backend says the contact may exist already.
// Addresses, social accounts and the custom fields ("More details") sit in collapsible
// sections (details[data-section]) so the form stays short; one opens when it has content.
import { h, localize, nextId, setText, setBilingual } from '../dom.js';
import { api } from '../api.js';
import { state, scope } from '../state.js';
import { getLocale } from '../i18n.js';
import { field, option, markInvalid, unmark, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { go } from '../session.js';
import { icon } from './icons.js';
import { modal } from './dialogs.js';
import { COUNTRIES } from '../countries.js';
import {
  KINDS, SOURCES, CHANNELS, PHONE_LABELS, DUPLICATE_REASONS, ADDRESS_LABELS, SOCIAL_NETWORKS, splitTags,
} from '../contacts.js';

// Backend field names (invalid_input) → the control that shows the error.
const FIELD_MAP = { name: 'name_ar', owner: 'owner_id', phones: 'phone', emails: 'email' };

// The text inputs of an address row, with the lengths the backend accepts.
const ADDRESS_TEXTS = [
  ['line', 300],
  ['city', 100],
  ['region', 100],
  ['postal_code', 20],
];

function select(name, labelKey, values, prefix, withEmpty) {
  const options = values.map((v) => ({ value: v, i18n: `${prefix}.${v}` }));
  if (withEmpty) options.unshift({ value: '', text: '—' });
  return field({ name, label: labelKey, type: 'select', options });
}

/**
 * A list of rows that repeat (phones, emails): each row is a .field, so an error
 * placed on its input shows under that row.
 */
function repeatable({ legend, addKey, addAction, removeKey, removeAction, rowLabelKey, makeControls, onChange }) {
  const list = h('ul', { class: 'multi-rows' });
  const add = h(
    'button',
    { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': addAction, onclick: () => addRow(null, true) },
    icon('plus'),
    h('span', { i18n: addKey }),
  );
  // Without a legend (in a section whose summary names it) the rows need no fieldset.
  const group = legend
    ? h('fieldset', { class: 'field-group multi-group' }, h('legend', { i18n: legend }), list, add)
    : h('div', { class: 'multi-group' }, list, add);

  function addRow(value, focus) {
    // extra: [{control, label, before}]; `before` puts the control ahead of the input.
    const { input, extra = [] } = makeControls(value);
    input.id = nextId(input.name);
    const label = h('label', { for: input.id, class: 'sr-only' });
    const remove = h(
      'button',
      { type: 'button', class: 'btn-icon', 'data-action': removeAction, i18nAttr: { 'aria-label': removeKey, title: removeKey }, onclick: () => removeRow(row) },
      icon('trash'),
    );
    const before = extra.filter((e) => e.before).map((e) => e.control);
    const after = extra.filter((e) => !e.before).map((e) => e.control);
    const row = h('li', { class: 'field multi-row' }, label, extra.map((e) => e.label), h('div', { class: 'multi-row-controls' }, before, input, after, remove));
    list.append(row);
    renumber();
    if (focus) input.focus();
    onChange?.();
    return row;
  }

  function removeRow(row) {
    if (list.children.length === 1) {
      // Keep one (empty) row so there is always somewhere to type.
      row.querySelectorAll('input').forEach((i) => { i.value = ''; });
      clearErrors(row);
      row.querySelector('input').focus();
      onChange?.();
      return;
    }
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    next?.querySelector('input')?.focus();
    onChange?.();
  }

  // Hidden labels say which row is which ("Phone 2"), for screen readers.
  function renumber() {
    [...list.children].forEach((row, i) => {
      row.querySelectorAll('label.sr-only').forEach((l) => setText(l, [l.dataset.key || rowLabelKey, { n: i + 1 }]));
    });
  }

  return {
    group,
    list,
    addRow,
    fill(values) {
      list.replaceChildren();
      (values && values.length ? values : [null]).forEach((v) => addRow(v, false));
    },
    rows: () => [...list.children],
  };
}

/**
 * A collapsible part of the form: details[data-section=<name>] with a summary that
 * names it and counts what it holds. setCount(n) updates the count (0 hides it).
 */
function section(name, iconName, titleKey, ...children) {
  const count = h('span', { class: 'section-count', hidden: true });
  const details = h(
    'details',
    { class: 'form-section', id: `contact-${name}`, 'data-section': name },
    h('summary', null, icon(iconName), h('span', { class: 'summary-title', i18n: titleKey }), count, h('span', { class: 'summary-chevron' }, icon('chevron'))),
    h('div', { class: 'form-section-body' }, children),
  );
  return {
    details,
    setCount(n) {
      count.hidden = !n;
      count.dataset.num = String(n);
      localize(count);
    },
  };
}

/** The country picker of an address: the offered countries, or a saved code outside them. */
function countrySelect(value) {
  const picker = h(
    'select',
    { name: 'address_country' },
    option({ value: '', text: '—' }),
    COUNTRIES.map((c) => option({ value: c.code, i18n: `countries.${c.code}` })),
  );
  if (value && ![...picker.options].some((o) => o.value === value)) picker.append(option({ value, text: value }));
  picker.value = value || '';
  return picker;
}

/**
 * Address rows (li.address-row): type, street line, city, region, postal code and
 * country, each with a visible label. A refused address is marked on its row.
 */
function addressList({ onChange }) {
  const list = h('ul', { class: 'address-rows' });
  const add = h(
    'button',
    { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'add-address', onclick: () => addRow(null, true) },
    icon('plus'),
    h('span', { i18n: 'contacts.form.add_address' }),
  );

  function cell(key, control, extraClass = '') {
    control.id = nextId(control.name);
    return h('div', { class: `address-cell ${extraClass}` }, h('label', { for: control.id, i18n: `contacts.form.address.${key}` }), control);
  }

  function addRow(a, focus) {
    const label = h('select', { name: 'address_label' }, ADDRESS_LABELS.map((l) => option({ value: l, i18n: `contacts.address_label.${l}` })));
    label.value = ADDRESS_LABELS.includes(a?.label) ? a.label : 'home';
    const texts = ADDRESS_TEXTS.map(([key, max]) =>
      h('input', { type: 'text', name: `address_${key}`, dir: key === 'postal_code' ? 'ltr' : 'auto', maxlength: max, autocomplete: 'off', value: a?.[key] ?? '' }),
    );
    // A new address starts in the company's own country.
    const country = countrySelect(a ? a.country : state.company?.country || '');
    const title = h('span', { class: 'address-n', id: nextId('address-title') });
    const remove = h(
      'button',
      { type: 'button', class: 'btn-icon', 'data-action': 'remove-address', i18nAttr: { 'aria-label': 'contacts.form.remove_address', title: 'contacts.form.remove_address' }, onclick: () => removeRow(row) },
      icon('trash'),
    );
    const row = h(
      'li',
      { class: 'field-group address-row', role: 'group', 'aria-labelledby': title.id },
      h('div', { class: 'address-head' }, title, remove),
      h(
        'div',
        { class: 'address-grid' },
        cell('label', label),
        cell('line', texts[0], 'wide'),
        cell('city', texts[1]),
        cell('region', texts[2]),
        cell('postal_code', texts[3]),
        cell('country', country),
      ),
    );
    list.append(row);
    renumber();
    localize(row);
    if (focus) texts[0].focus();
    onChange();
    return row;
  }

  function removeRow(row) {
    if (list.children.length === 1) {
      // Keep one (empty) row so there is always somewhere to type.
      row.querySelectorAll('input').forEach((i) => { i.value = ''; });
      clearErrors(row);
      row.querySelector('input').focus();
      onChange();
      return;
    }
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    next?.querySelector('input')?.focus();
    onChange();
  }

  function renumber() {
    [...list.children].forEach((row, i) => setText(row.querySelector('.address-n'), ['contacts.form.address_n', { n: i + 1 }]));
  }

  const value = (row, key) => row.querySelector(`[name=address_${key}]`).value.trim();
  // The backend drops an address with no text (a country alone says nothing).
  const isFilled = (row) => ADDRESS_TEXTS.some(([key]) => value(row, key));

  return {
    group: h('div', { class: 'multi-group' }, list, add),
    fill(values) {
      list.replaceChildren();
      (values && values.length ? values : [null]).forEach((v) => addRow(v, false));
    },
    /** The rows with something typed, in order: what is sent, so an error's index fits. */
    filledRows: () => [...list.children].filter(isFilled),
    read(row) {
      const out = { label: row.querySelector('[name=address_label]').value };
      for (const [key] of ADDRESS_TEXTS) out[key] = value(row, key);
      out.country = row.querySelector('[name=address_country]').value;
      return out;
    },
  };
}

/**
 * One control for a custom field, named "custom:<id>": text, a decimal number, a date,
 * or a choice by its key. Its label has an asterisk that shows when the field is
 * mandatory for the kind selected (see setRequired).
 */
function customControl(f) {
  const id = nextId('custom');
  const common = { id, name: `custom:${f.id}`, 'data-field-id': f.id, 'data-type': f.field_type, autocomplete: 'off' };
  let control;
  if (f.field_type === 'choice') {
    control = h(
      'select',
      common,
      option({ value: '', i18n: 'contacts.form.choose' }),
      (f.choices || []).map((c) => option({ value: c.key, bi: { ar: c.ar, en: c.en } })),
    );
  } else if (f.field_type === 'number') {
    control = h('input', { ...common, type: 'text', inputmode: 'decimal', dir: 'ltr', class: 'num' });
  } else if (f.field_type === 'date') {
    control = h('input', { ...common, type: 'date', dir: 'ltr' });
  } else {
    control = h('input', { ...common, type: 'text', dir: 'auto', maxlength: 1000 });
  }
  const text = h('span');
  setBilingual(text, { ar: f.label_ar, en: f.label_en });
  const req = h('span', { class: 'req', 'aria-hidden': 'true', hidden: true }, ' *');
  const wrap = h('div', { class: 'field custom-field', 'data-field-id': f.id }, h('label', { for: id }, text, req), control);
  return {
    field: f,
    wrap,
    control,
    setRequired(on) {
      req.hidden = !on;
      control.setAttribute('aria-required', String(on));
    },
  };
}

/**
 * directory: [{id, username, full_name}] for the owner picker.
 * onSaved(contact, created): called after a save, once the dialog has closed.
 * Returns {dialogs, open(contact | null, prefill)}; the caller appends the dialogs.
 */
export function contactDialog({ directory, onSaved }) {
  const error = formErrorArea('contact-form-error');

  const phones = repeatable({
    legend: 'contacts.field.phones',
    addKey: 'contacts.add_phone',
    addAction: 'add-phone',
    removeKey: 'contacts.remove_phone',
    removeAction: 'remove-phone',
    rowLabelKey: 'contacts.phone_n',
    makeControls(p) {
      const input = h('input', { type: 'tel', name: 'phone', dir: 'ltr', inputmode: 'tel', autocomplete: 'off', value: p?.raw ?? p?.number ?? '' });
      const labelSelect = h('select', { name: 'phone_label', class: 'phone-label' }, PHONE_LABELS.map((l) => option({ value: l, i18n: `contacts.phone_label.${l}` })));
      labelSelect.value = PHONE_LABELS.includes(p?.label) ? p.label : 'mobile';
      labelSelect.id = nextId('phone-label');
      const label = h('label', { for: labelSelect.id, class: 'sr-only', 'data-key': 'contacts.phone_label_n' });
      return { input, extra: [{ control: labelSelect, label }] };
    },
  });
  const emails = repeatable({
    legend: 'contacts.field.emails',
    addKey: 'contacts.add_email',
    addAction: 'add-email',
    removeKey: 'contacts.remove_email',
    removeAction: 'remove-email',
    rowLabelKey: 'contacts.email_n',
    makeControls(e) {
      return { input: h('input', { type: 'email', name: 'email', dir: 'ltr', autocomplete: 'off', spellcheck: 'false', value: e ?? '' }) };
    },
  });
  const websiteField = field({
    name: 'website',
    label: 'contacts.field.website',
    type: 'url',
    dir: 'ltr',
    attrs: { autocomplete: 'off', spellcheck: 'false', inputmode: 'url', maxlength: 300, i18nAttr: { placeholder: 'contacts.form.website_placeholder' } },
  });

  // ---- Collapsible sections: addresses, social accounts, custom fields ----
  const addressSection = section('addresses', 'pin', 'contacts.field.addresses');
  const addresses = addressList({ onChange: () => addressSection.setCount(addresses.filledRows().length) });
  addressSection.details.querySelector('.form-section-body').append(addresses.group);

  const socialSection = section('social', 'at', 'contacts.field.social');
  const social = repeatable({
    addKey: 'contacts.form.add_social',
    addAction: 'add-social',
    removeKey: 'contacts.form.remove_social',
    removeAction: 'remove-social',
    rowLabelKey: 'contacts.form.social_n',
    onChange: () => socialSection.setCount(socialRows().length),
    makeControls(a) {
      const input = h('input', { type: 'text', name: 'social_handle', dir: 'ltr', autocomplete: 'off', spellcheck: 'false', maxlength: 200, i18nAttr: { placeholder: 'contacts.form.handle_placeholder' }, value: a?.handle ?? '' });
      const network = h('select', { name: 'social_network', class: 'social-network' }, SOCIAL_NETWORKS.map((n) => option({ value: n, i18n: `contacts.social_network.${n}` })));
      network.value = SOCIAL_NETWORKS.includes(a?.network) ? a.network : 'instagram';
      network.id = nextId('social-network');
      const label = h('label', { for: network.id, class: 'sr-only', 'data-key': 'contacts.form.social_network_n' });
      return { input, extra: [{ control: network, label, before: true }] };
    },
  });
  socialSection.details.querySelector('.form-section-body').append(social.group);
  // A handle without "@" is what is saved; the rows with one typed are what is sent.
  const socialRows = () => social.rows().filter((r) => r.querySelector('[name=social_handle]').value.trim());

  const customGrid = h('div', { class: 'grid-2', id: 'contact-custom' });
  const moreSection = section('more', 'list', 'contacts.section.more', h('p', { class: 'hint', i18n: 'contacts.form.more_hint' }), customGrid);
  let customs = []; // [{field, wrap, control, setRequired}] for the fields of this opening

  const ownerField = field({
    name: 'owner_id',
    label: 'contacts.field.owner',
    type: 'select',
    options: directory.map((u) => ({ value: u.id, text: u.full_name || u.username })),
  });
  const save = h('button', { type: 'submit', id: 'contact-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }));
  const cancel = h('button', { type: 'button', id: 'contact-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() });
  const form = h(
    'form',
    { id: 'contact-form', class: 'modal-form-body', novalidate: true },
    h(
      'div',
      { class: 'modal-scroll' },
      h(
        'div',
        { class: 'grid-2' },
        select('kind', 'contacts.field.kind', KINDS, 'contacts.kind', false),
        ownerField,
        field({ name: 'name_ar', label: 'contacts.field.name_ar', dir: 'rtl', attrs: { autocomplete: 'off' } }),
        field({ name: 'name_latin', label: 'contacts.field.name_latin', dir: 'ltr', attrs: { autocomplete: 'off', spellcheck: 'false' } }),
        field({ name: 'company_name', label: 'contacts.field.company_name', dir: 'auto', attrs: { autocomplete: 'off' } }),
        field({ name: 'job_title', label: 'contacts.field.job_title', dir: 'auto', attrs: { autocomplete: 'off' } }),
      ),
      h('p', { class: 'hint name-hint', i18n: 'contacts.name_hint' }),
      h('h3', { class: 'section-title', i18n: 'contacts.section.reach' }),
      h('div', { class: 'grid-2' }, phones.group, h('div', { class: 'stack' }, emails.group, websiteField)),
      h(
        'div',
        { class: 'grid-3' },
        select('preferred_channel', 'contacts.field.preferred_channel', CHANNELS, 'contacts.channel', true),
        field({ name: 'city', label: 'contacts.field.city', dir: 'auto', attrs: { autocomplete: 'off' } }),
        select('source', 'contacts.field.source', SOURCES, 'contacts.source', true),
      ),
      h('h3', { class: 'section-title', i18n: 'contacts.section.tags_notes' }),
      field({ name: 'tags', label: 'contacts.field.tags', dir: 'auto', hint: 'contacts.tags_hint', attrs: { autocomplete: 'off' } }),
      field({ name: 'notes', label: 'contacts.field.notes', type: 'textarea', rows: 3, dir: 'auto' }),
      h('div', { class: 'form-sections' }, moreSection.details, addressSection.details, socialSection.details),
      error,
    ),
    h('div', { class: 'modal-actions modal-footer' }, save, cancel),
  );
  const dialog = modal({ id: 'contact-dialog', title: 'contacts.add_title', body: form, wide: true });
  dialog.classList.add('modal-form', 'modal-contact');
  const heading = dialog.querySelector('h2');
  const f = (n) => form.elements[n];
  const ownerSelect = f('owner_id');
  let editing = null;

  // ---- The duplicate prompt ----
  const dupList = h('ul', { id: 'duplicate-list', class: 'dup-list' });
  const saveAnyway = h('button', { type: 'button', id: 'duplicate-save-anyway', class: 'btn btn-accent', onclick: () => submit(true) }, h('span', { i18n: 'contacts.dup.save_anyway' }));
  const dupIntro = h('p', { id: 'duplicate-intro', class: 'dup-intro', i18n: 'contacts.dup.intro' });
  const dupDialog = modal({
    id: 'duplicate-dialog',
    title: 'contacts.dup.title',
    body: h(
      'div',
      { class: 'modal-body' },
      dupIntro,
      dupList,
      h('div', { class: 'modal-actions' }, saveAnyway, h('button', { type: 'button', id: 'duplicate-cancel', class: 'btn btn-secondary', i18n: 'contacts.dup.back', onclick: () => dupDialog.close() })),
    ),
  });
  dupDialog.setAttribute('aria-describedby', dupIntro.id);

  function openExisting(id) {
    dupDialog.close();
    dialog.close();
    go(`contacts/${encodeURIComponent(id)}`);
  }

  // Saves what was typed into the existing contact: new phones, emails and tags are
  // added and empty fields filled. The toast's Undo separates them again.
  async function mergeInto(id) {
    busy(true);
    try {
      const outcome = await api.contactsCreateInto(read(), id);
      dupDialog.close();
      dialog.close();
      showToast('contacts.dup.merged', 'success', {
        label: 'card.undo',
        run: async () => {
          await api.contactsUnmerge(outcome.merge.id);
          go(`contacts/${encodeURIComponent(id)}`);
        },
      });
      go(`contacts/${encodeURIComponent(id)}`);
    } catch (err) {
      if (dupDialog.open) dupDialog.close();
      placeError(err);
    } finally {
      busy(false);
    }
  }

  function showDuplicates(matches) {
    // One entry per existing contact, with every reason it matched.
    const byContact = new Map();
    for (const m of matches) {
      if (!byContact.has(m.contact_id)) byContact.set(m.contact_id, { name: m.display_name, reasons: [] });
      byContact.get(m.contact_id).reasons.push(m);
    }
    dupList.replaceChildren(
      ...[...byContact].map(([id, { name, reasons }]) =>
        h(
          'li',
          { class: 'dup-item', 'data-contact-id': id },
          h(
            'div',
            { class: 'dup-text' },
            h('bdi', { class: 'dup-name' }, name),
            h(
              'ul',
              { class: 'dup-reasons' },
              reasons.map((m) =>
                h(
                  'li',
                  { 'data-reason': m.reason },
                  DUPLICATE_REASONS.includes(m.reason) ? h('span', { i18n: `contacts.dup.reason.${m.reason}` }) : h('code', null, m.reason),
                  m.matched ? [h('span', { 'aria-hidden': 'true' }, ': '), h('bdi', { class: 'dup-matched', dir: m.reason === 'similar_name_same_city' ? 'auto' : 'ltr' }, m.matched)] : null,
                ),
              ),
            ),
          ),
          h(
            'div',
            { class: 'dup-actions' },
            h(
              'button',
              { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'open-duplicate', 'data-contact-id': id, onclick: () => openExisting(id) },
              h('span', { i18n: 'contacts.dup.open' }),
            ),
            // A new contact can go straight into the existing one (undoable).
            editing
              ? null
              : h(
                  'button',
                  { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'merge-duplicate', 'data-contact-id': id, onclick: () => mergeInto(id) },
                  h('span', { i18n: 'contacts.dup.merge' }),
                ),
          ),
        ),
      ),
    );
    localize(dupDialog);
    if (!dupDialog.open) dupDialog.showModal();
    dupList.querySelector('[data-action=open-duplicate]')?.focus();
  }

  // ---- Reading and filling the form ----
  function read() {
    const text = (n) => f(n).value.trim();
    return {
      kind: f('kind').value || 'lead',
      name_ar: text('name_ar'),
      name_latin: text('name_latin'),
      company_name: text('company_name'),
      job_title: text('job_title'),
      phones: phones
        .rows()
        .map((r) => ({ number: r.querySelector('[name=phone]').value.trim(), label: r.querySelector('[name=phone_label]').value }))
        .filter((p) => p.number),
      emails: emails
        .rows()
        .map((r) => r.querySelector('[name=email]').value.trim())
        .filter(Boolean),
      city: text('city'),
      website: text('website'),
      addresses: addresses.filledRows().map(addresses.read),
      social: socialRows().map((r) => ({
        network: r.querySelector('[name=social_network]').value,
        handle: r.querySelector('[name=social_handle]').value.trim(),
      })),
      // Only the live fields: a value of a deleted field would be refused.
      custom: Object.fromEntries(customs.map((c) => [c.field.id, c.control.value.trim()]).filter(([, v]) => v)),
      source: f('source').value || null,
      preferred_channel: f('preferred_channel').value || null,
      owner_id: ownerSelect.value || null,
      tags: splitTags(f('tags').value),
      notes: f('notes').value.trim(),
    };
  }

  // The current owner stays selectable even when they are not in the directory
  // (an inactive user) or when there is none.
  function ownerChoice(id) {
    ownerSelect.querySelectorAll('option[data-extra]').forEach((o) => o.remove());
    if (!id) {
      const o = option({ value: '', text: '—' });
      o.dataset.extra = '';
      ownerSelect.prepend(o);
    } else if (![...ownerSelect.options].some((o) => o.value === id)) {
      const me = state.me?.user;
      const o = me && me.id === id ? option({ value: id, text: me.full_name || me.username }) : option({ value: id, i18n: 'contacts.owner_inactive' });
      o.dataset.extra = '';
      ownerSelect.append(o);
    }
    ownerSelect.value = id || '';
  }

  // ---- Custom fields ----
  // The definitions are read once per opening, so a field added meanwhile shows up.
  async function loadCustom() {
    let list = [];
    try {
      list = await api.fieldsList();
    } catch {
      // Without the list the form still works; the section stays hidden.
    }
    customs = [...list].sort((a, b) => a.position - b.position).map(customControl);
    customGrid.replaceChildren(...customs.map((c) => c.wrap));
    moreSection.details.hidden = customs.length === 0;
  }

  const kindNow = () => f('kind').value || 'lead';

  /** Asterisks follow the kind selected; a section with a mandatory field opens. */
  function markRequired() {
    let any = false;
    for (const c of customs) {
      const on = c.field.required_kinds.includes(kindNow());
      c.setRequired(on);
      any ||= on;
    }
    if (any) moreSection.details.open = true;
  }
  f('kind').addEventListener('change', markRequired);

  function updateCounts() {
    addressSection.setCount(addresses.filledRows().length);
    socialSection.setCount(socialRows().length);
    moreSection.setCount(customs.filter((c) => c.control.value.trim()).length);
  }
  form.addEventListener('input', updateCounts);
  form.addEventListener('change', updateCounts);
  // Editing a marked value takes its mark away (saving checks it again).
  for (const type of ['input', 'change']) form.addEventListener(type, (e) => unmark(e.target));

  /** contact: a Contact to edit, or null to add one; prefill: fields for a new one. */
  async function open(contact, prefill = {}) {
    editing = contact || null;
    const c = contact || { kind: 'lead', owner_id: state.me?.user?.id ?? null, ...prefill };
    await loadCustom();
    form.reset();
    clearErrors(form);
    setText(heading, contact ? 'contacts.edit_title' : 'contacts.add_title');
    f('kind').value = KINDS.includes(c.kind) ? c.kind : 'lead';
    for (const n of ['name_ar', 'name_latin', 'company_name', 'job_title', 'city', 'notes']) f(n).value = c[n] ?? '';
    f('source').value = SOURCES.includes(c.source) ? c.source : '';
    f('preferred_channel').value = CHANNELS.includes(c.preferred_channel) ? c.preferred_channel : '';
    f('tags').value = (c.tags || []).join(getLocale() === 'ar' ? '، ' : ', ');
    phones.fill(c.phones);
    emails.fill(c.emails);
    f('website').value = c.website ?? '';
    addresses.fill(c.addresses);
    social.fill(c.social);
    for (const cc of customs) {
      const v = c.custom?.[cc.field.id] ?? '';
      // A saved choice the administrator has since removed shows as its key rather than
      // vanishing unseen; saving then asks for one of the current choices.
      if (cc.field.field_type === 'choice' && v && ![...cc.control.options].some((o) => o.value === v)) {
        cc.control.append(option({ value: v, text: v }));
      }
      cc.control.value = v;
    }
    // Sections with something in them start open; empty ones stay out of the way.
    addressSection.details.open = addresses.filledRows().length > 0;
    socialSection.details.open = socialRows().length > 0;
    moreSection.details.open = customs.some((cc) => cc.control.value);
    markRequired();
    updateCounts();
    ownerChoice(c.owner_id);
    // Giving a contact to someone else needs the right over all contacts.
    ownerSelect.disabled = scope('contact', contact ? 'write' : 'create') !== 'all';
    localize(dialog);
    // Two quick clicks make two openings; the second only refills the form.
    if (!dialog.open) dialog.showModal();
    f('name_ar').focus();
  }

  // ---- Saving ----
  function busy(flag) {
    save.disabled = flag;
    saveAnyway.disabled = flag;
  }

  // A phone or email on its own, in a contact the backend would otherwise accept:
  // check_duplicates validates it the way saving does, without saving anything.
  async function refusal(kind, value) {
    const probe = { kind: 'lead', name_latin: 'x', phones: [], emails: [] };
    if (kind === 'phone') probe.phones = [{ number: value, label: 'mobile' }];
    else probe.emails = [value];
    try {
      await api.contactsCheckDuplicates(probe);
      return null;
    } catch (err) {
      return err.code === 'invalid_input' && err.field === kind ? err : null;
    }
  }

  // A refused phone or email: the backend says which entry of the list it sent (the
  // filled rows, in order), so that row is marked.
  function placeError(err) {
    const control = err.code === 'invalid_input' ? controlFor(err) : null;
    if (control) {
      // A mark inside a closed section would not be seen, nor could it take focus.
      const section = control.closest('details');
      if (section) section.open = true;
      markInvalid(control, err);
      control.focus();
      return;
    }
    applyServerError(form, err, error, FIELD_MAP);
  }

  // The control a refused value belongs to: its row for a list (index into what was
  // sent: the filled rows, in order), the field's control for a custom field.
  function controlFor(err) {
    if (['phone', 'email'].includes(err.field)) {
      const filled = [...form.querySelectorAll(`[name=${err.field}]`)].filter((i) => i.value.trim());
      return filled[err.index ?? 0] || form.querySelector(`[name=${err.field}]`);
    }
    if (err.field === 'addresses') {
      const rows = addresses.filledRows();
      return (rows[err.index ?? 0] || rows[0])?.querySelector('[name=address_line]') || null;
    }
    if (err.field === 'social') {
      const rows = socialRows();
      return (rows[err.index ?? 0] || rows[0])?.querySelector('[name=social_handle]') || null;
    }
    if (err.field === 'custom' && err.details?.field_id) {
      return customs.find((c) => c.field.id === err.details.field_id)?.control || null;
    }
    return null;
  }

  async function submit(allowDuplicate) {
    clearErrors(form);
    const input = read();
    if (!input.name_ar && !input.name_latin && !input.company_name) {
      if (dupDialog.open) dupDialog.close();
      markInvalid(f('name_ar'), 'contacts.name_required');
      f('name_ar').focus();
      return;
    }
    busy(true);
    try {
      const saved = editing
        ? await api.contactsUpdate(editing.id, input, allowDuplicate)
        : await api.contactsCreate(input, allowDuplicate);
      const created = !editing;
      if (dupDialog.open) dupDialog.close();
      dialog.close();
      showToast('toast.saved');
      await onSaved?.(saved, created);
    } catch (err) {
      if (err.code === 'possible_duplicate' && Array.isArray(err.details) && err.details.length) {
        showDuplicates(err.details);
        return;
      }
      if (dupDialog.open) dupDialog.close();
      placeError(err);
    } finally {
      busy(false);
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });

  // A phone or email that cannot be right is marked as soon as the user leaves it.
  form.addEventListener('change', async (e) => {
    const input = e.target;
    if (!input.matches?.('[name=phone], [name=email]')) return;
    const row = input.closest('.multi-row');
    const value = input.value.trim();
    const err = value ? await refusal(input.name, value) : null;
    if (input.value.trim() !== value || !row.isConnected) return; // changed again meanwhile
    clearErrors(row);
    if (err) markInvalid(input, err);
  });

  return { dialogs: [dialog, dupDialog], open };
}
