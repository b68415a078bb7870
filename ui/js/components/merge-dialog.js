// Merging contacts (#merge-dialog): pick the contacts to merge with this one
// (#merge-search, #merge-candidates input[name=merge-with]), then which contact to
// keep (input[name=survivor]) and, for each field that differs, whose value to keep
// (input[name="pick-<field>"]). #merge-confirm merges; the backend moves everything
// linked and keeps what is needed to undo.
import { h, localize, setText } from '../dom.js';
import { api } from '../api.js';
import { modal } from './dialogs.js';
import { icon } from './icons.js';
import { errorBanner } from './error-banner.js';
import { displayName, kindBadge, ownerLabel } from '../contacts.js';

// Fields the user picks one value for (the backend's contacts::PICKABLE).
const FIELDS = ['kind', 'name_ar', 'name_latin', 'company_name', 'job_title', 'city', 'website', 'source', 'preferred_channel', 'owner_id', 'notes'];

function shown(directory, name, value, fieldDefs) {
  if (value == null || value === '') return h('span', { class: 'muted' }, '—');
  if (name === 'kind') return h('span', { i18n: `contacts.kind.${value}` });
  if (name === 'source') return h('span', { i18n: `contacts.source.${value}` });
  if (name === 'preferred_channel') return h('span', { i18n: `contacts.channel.${value}` });
  if (name === 'owner_id') return ownerLabel(directory, value);
  if (name.startsWith('custom:')) {
    const f = fieldDefs.find((d) => `custom:${d.id}` === name);
    const choice = f?.choices?.find((c) => c.key === value);
    if (choice) return h('bdi', { 'data-ar': choice.ar, 'data-en': choice.en }, choice.ar);
  }
  const text = String(value);
  return h('bdi', { dir: 'auto', title: text }, text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function valueOf(c, name) {
  if (name.startsWith('custom:')) return c.custom?.[name.slice(7)] ?? '';
  return c[name] ?? '';
}

function fieldLabel(name, fieldDefs) {
  if (name.startsWith('custom:')) {
    const f = fieldDefs.find((d) => `custom:${d.id}` === name);
    return h('span', { 'data-ar': f?.label_ar || '', 'data-en': f?.label_en || '' }, f?.label_ar || name);
  }
  return h('span', { i18n: name === 'owner_id' ? 'contacts.field.owner' : `contacts.field.${name}` });
}

export function mergeDialog({ directory, onMerged }) {
  const banner = h('div', { class: 'banner-slot' });
  const search = h('input', { type: 'search', id: 'merge-search', autocomplete: 'off', i18nAttr: { placeholder: 'card.merge.search_placeholder', 'aria-label': 'card.merge.search_placeholder' } });
  const candidates = h('ul', { id: 'merge-candidates', class: 'merge-candidates' });
  const next = h('button', { type: 'button', id: 'merge-next', class: 'btn btn-primary', disabled: true, i18n: 'card.merge.next' });
  const stepPick = h('div', { id: 'merge-step-pick' }, h('p', { class: 'muted', i18n: 'card.merge.pick_intro' }), search, candidates, h('div', { class: 'modal-actions' }, next));

  const survivors = h('div', { id: 'merge-survivors', class: 'merge-survivors', role: 'radiogroup' });
  const table = h('table', { id: 'merge-fields', class: 'data-table merge-fields' });
  const confirm = h('button', { type: 'button', id: 'merge-confirm', class: 'btn btn-primary' }, icon('merge'), h('span', { i18n: 'card.merge.confirm' }));
  const back = h('button', { type: 'button', id: 'merge-back', class: 'btn btn-secondary', i18n: 'card.merge.back' });
  const stepFields = h(
    'div',
    { id: 'merge-step-fields', hidden: true },
    h('h3', { class: 'fact-heading', i18n: 'card.merge.keep_which' }),
    survivors,
    h('h3', { class: 'fact-heading', i18n: 'card.merge.values' }),
    h('div', { class: 'table-wrap' }, table),
    h('p', { class: 'note', id: 'merge-lists-note' }, icon('alert'), h('span', { i18n: 'card.merge.lists_note' })),
    h('div', { class: 'modal-actions' }, confirm, back),
  );
  const dialog = modal({ id: 'merge-dialog', title: 'card.merge.title', body: h('div', { class: 'modal-body' }, banner, stepPick, stepFields), wide: true });

  let base = null;
  const chosen = new Map();
  let contacts = [];
  let fieldDefs = [];
  let seq = 0;

  function fail(err) {
    banner.replaceChildren(errorBanner(err));
    localize(banner);
  }

  async function find() {
    const mine = ++seq;
    try {
      const page = await api.contactsSearch({ text: search.value, limit: 20 });
      if (mine !== seq) return;
      const items = page.items.filter((c) => c.id !== base.id);
      candidates.replaceChildren(...items.map((c) => {
        const box = h('input', { type: 'checkbox', name: 'merge-with', value: c.id, checked: chosen.has(c.id) });
        box.addEventListener('change', () => {
          if (box.checked) chosen.set(c.id, c);
          else chosen.delete(c.id);
          next.disabled = chosen.size === 0;
        });
        return h('li', { 'data-contact-id': c.id }, h('label', null, box, h('bdi', { class: 'merge-name' }, displayName(c) || '—'), ' ', kindBadge(c.kind), c.phone ? h('span', { class: 'phone muted', dir: 'ltr' }, c.phone) : null, c.city ? h('span', { class: 'muted' }, h('bdi', null, c.city)) : null));
      }));
      if (!items.length) candidates.append(h('li', { class: 'muted', i18n: 'card.merge.none_found' }));
      localize(candidates);
    } catch (err) {
      fail(err);
    }
  }
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(find, 150);
  });

  function survivorId() {
    return survivors.querySelector('input[name=survivor]:checked')?.value || base.id;
  }

  // Rows only for fields whose values differ; the default is the survivor's value,
  // else the first filled one (what the backend does with no pick).
  function drawFields() {
    const keep = survivorId();
    const ordered = [contacts.find((c) => c.id === keep), ...contacts.filter((c) => c.id !== keep)];
    const names = [...FIELDS, ...fieldDefs.map((f) => `custom:${f.id}`)];
    const rows = [];
    for (const name of names) {
      const values = contacts.map((c) => String(valueOf(c, name)));
      if (new Set(values).size < 2) continue;
      const first = ordered.find((c) => String(valueOf(c, name)) !== '') || ordered[0];
      rows.push(h(
        'tr',
        { 'data-field': name },
        h('th', { scope: 'row' }, fieldLabel(name, fieldDefs)),
        contacts.map((c) => h('td', null, h('label', { class: 'merge-choice' },
          h('input', { type: 'radio', name: `pick-${name}`, value: c.id, checked: c.id === first.id }),
          shown(directory, name, valueOf(c, name), fieldDefs)))),
      ));
    }
    table.replaceChildren(
      h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'card.merge.field' }), contacts.map((c) => h('th', { scope: 'col' }, h('bdi', null, displayName(c) || '—'))))),
      h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: contacts.length + 1, class: 'muted', i18n: 'card.merge.same_values' }))),
    );
    localize(table);
  }

  next.addEventListener('click', async () => {
    try {
      const others = await Promise.all([...chosen.keys()].map((id) => api.contactsGet(id)));
      [contacts, fieldDefs] = [[base, ...others], await api.fieldsList()];
    } catch (err) {
      fail(err);
      return;
    }
    banner.replaceChildren();
    survivors.replaceChildren(...contacts.map((c) => {
      const radio = h('input', { type: 'radio', name: 'survivor', value: c.id, checked: c.id === base.id });
      radio.addEventListener('change', drawFields);
      return h('label', { class: 'merge-survivor' }, radio, h('bdi', null, displayName(c) || '—'), ' ', kindBadge(c.kind), c.phones?.[0] ? h('span', { class: 'phone muted', dir: 'ltr' }, c.phones[0].raw) : null);
    }));
    drawFields();
    stepPick.hidden = true;
    stepFields.hidden = false;
    localize(stepFields);
    survivors.querySelector('input:checked')?.focus();
  });
  back.addEventListener('click', () => {
    stepFields.hidden = true;
    stepPick.hidden = false;
    search.focus();
  });

  confirm.addEventListener('click', async () => {
    const keep = survivorId();
    const picks = {};
    table.querySelectorAll('tbody tr[data-field]').forEach((row) => {
      const v = row.querySelector('input[type=radio]:checked')?.value;
      if (v) picks[row.dataset.field] = v;
    });
    confirm.disabled = true;
    try {
      const outcome = await api.contactsMerge({ survivor_id: keep, merged_ids: contacts.map((c) => c.id).filter((id) => id !== keep), picks });
      dialog.close();
      onMerged(outcome);
    } catch (err) {
      fail(err);
    } finally {
      confirm.disabled = false;
    }
  });

  function open(contact) {
    base = contact;
    chosen.clear();
    contacts = [];
    banner.replaceChildren();
    stepPick.hidden = false;
    stepFields.hidden = true;
    next.disabled = true;
    // Start from the contact's own name: the likely duplicates come first.
    search.value = displayName(contact);
    setText(dialog.querySelector('h2'), 'card.merge.title');
    localize(dialog);
    dialog.showModal();
    search.focus();
    search.select();
    find();
  }

  return { dialog, open };
}
