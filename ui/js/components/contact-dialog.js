// The contact form (#contact-dialog, #contact-form) for adding and editing, and the
// prompt (#duplicate-dialog) shown when the backend says the contact may exist already.
import { h, localize, nextId, setText } from '../dom.js';
import { api } from '../api.js';
import { state, scope } from '../state.js';
import { getLocale } from '../i18n.js';
import { field, option, markInvalid, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { go } from '../session.js';
import { icon } from './icons.js';
import { modal } from './dialogs.js';
import { KINDS, SOURCES, CHANNELS, PHONE_LABELS, DUPLICATE_REASONS, splitTags } from '../contacts.js';

// Backend field names (invalid_input) → the control that shows the error.
const FIELD_MAP = { name: 'name_ar', owner: 'owner_id', phones: 'phone', emails: 'email' };

function select(name, labelKey, values, prefix, withEmpty) {
  const options = values.map((v) => ({ value: v, i18n: `${prefix}.${v}` }));
  if (withEmpty) options.unshift({ value: '', text: '—' });
  return field({ name, label: labelKey, type: 'select', options });
}

/**
 * A list of rows that repeat (phones, emails): each row is a .field, so an error
 * placed on its input shows under that row.
 */
function repeatable({ legend, addKey, addAction, removeKey, removeAction, rowLabelKey, makeControls }) {
  const list = h('ul', { class: 'multi-rows' });
  const add = h(
    'button',
    { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': addAction, onclick: () => addRow(null, true) },
    icon('plus'),
    h('span', { i18n: addKey }),
  );
  const group = h('fieldset', { class: 'field-group multi-group' }, h('legend', { i18n: legend }), list, add);

  function addRow(value, focus) {
    const { input, extra = [] } = makeControls(value);
    input.id = nextId(input.name);
    const label = h('label', { for: input.id, class: 'sr-only' });
    const remove = h(
      'button',
      { type: 'button', class: 'btn-icon', 'data-action': removeAction, i18nAttr: { 'aria-label': removeKey, title: removeKey }, onclick: () => removeRow(row) },
      icon('trash'),
    );
    const row = h('li', { class: 'field multi-row' }, label, extra.map((e) => e.label), h('div', { class: 'multi-row-controls' }, input, extra.map((e) => e.control), remove));
    list.append(row);
    renumber();
    if (focus) input.focus();
    return row;
  }

  function removeRow(row) {
    if (list.children.length === 1) {
      // Keep one (empty) row so there is always somewhere to type.
      row.querySelectorAll('input').forEach((i) => { i.value = ''; });
      clearErrors(row);
      row.querySelector('input').focus();
      return;
    }
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    next?.querySelector('input')?.focus();
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
      h('div', { class: 'grid-2' }, phones.group, emails.group),
      h(
        'div',
        { class: 'grid-3' },
        select('preferred_channel', 'contacts.field.preferred_channel', CHANNELS, 'contacts.channel', true),
        field({ name: 'city', label: 'contacts.field.city', dir: 'auto', attrs: { autocomplete: 'off' } }),
        select('source', 'contacts.field.source', SOURCES, 'contacts.source', true),
      ),
      h('h3', { class: 'section-title', i18n: 'contacts.section.more' }),
      field({ name: 'tags', label: 'contacts.field.tags', dir: 'auto', hint: 'contacts.tags_hint', attrs: { autocomplete: 'off' } }),
      field({ name: 'notes', label: 'contacts.field.notes', type: 'textarea', rows: 3, dir: 'auto' }),
      error,
    ),
    h('div', { class: 'modal-actions modal-footer' }, save, cancel),
  );
  const dialog = modal({ id: 'contact-dialog', title: 'contacts.add_title', body: form, wide: true });
  dialog.classList.add('modal-form');
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
            'button',
            { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'open-duplicate', 'data-contact-id': id, onclick: () => openExisting(id) },
            h('span', { i18n: 'contacts.dup.open' }),
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

  /** contact: a Contact to edit, or null to add one; prefill: fields for a new one. */
  function open(contact, prefill = {}) {
    editing = contact || null;
    const c = contact || { kind: 'lead', owner_id: state.me?.user?.id ?? null, ...prefill };
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
    ownerChoice(c.owner_id);
    // Giving a contact to someone else needs the right over all contacts.
    ownerSelect.disabled = scope('contact', contact ? 'write' : 'create') !== 'all';
    localize(dialog);
    dialog.showModal();
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
    if (err.code === 'invalid_input' && ['phone', 'email'].includes(err.field)) {
      const filled = [...form.querySelectorAll(`[name=${err.field}]`)].filter((i) => i.value.trim());
      const control = filled[err.index ?? 0] || form.querySelector(`[name=${err.field}]`);
      if (control) {
        markInvalid(control, err);
        control.focus();
        return;
      }
    }
    applyServerError(form, err, error, FIELD_MAP);
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
