// The inquiry form (#inquiry-dialog, #inquiry-form), for a new inquiry and for edits.
// Element ids for tests:
//   channel buttons: input[name=channel]#inquiry-channel-<walk_in|phone|email|website|social|whatsapp>
//   contact: #inquiry-contact-mode-existing / #inquiry-contact-mode-new (radios)
//     existing: #inquiry-contact-search → #inquiry-contact-results li button[data-contact-id];
//               chosen: #inquiry-contact-chosen (data-contact-id), #inquiry-contact-clear;
//               nothing found: #inquiry-contact-add-new (switches to new, prefilled)
//     new: #inquiry-new-name, #inquiry-new-phone, #inquiry-create-contact (only when the CRM
//          setting "create contacts for leads automatically" is off)
//   items: #inquiry-item-search → #inquiry-item-results li button[data-product-id],
//          #inquiry-item-add-text (free text); #inquiry-items li.item-row (input[name=quantity],
//          button[data-action=remove-item])
//   #inquiry-budget, #inquiry-follow-up, #inquiry-owner, #inquiry-notes, #inquiry-save, #inquiry-cancel
//   possible duplicate: #inquiry-dup-dialog li[data-contact-id] button[data-action=use-contact],
//          #inquiry-dup-save-anyway, #inquiry-dup-back
import { h, localize, nextId, setText } from '../dom.js';
import { api } from '../api.js';
import { state, scope } from '../state.js';
import { formatMoney } from '../format.js';
import { field, markInvalid, unmark, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { icon } from './icons.js';
import { modal } from './dialogs.js';
import { displayName, prefillFromSearch, DUPLICATE_REASONS } from '../contacts.js';
import { INQ_CHANNELS, decimalValue } from '../sales.js';

const DEBOUNCE_MS = 150;

/** directory: colleagues for the salesperson picker; onSaved(detail, created). */
export function inquiryDialog({ directory, onSaved }) {
  const error = formErrorArea('inquiry-form-error');

  // ---- channel: one button each, walk-in first
  const channels = h(
    'fieldset',
    { class: 'field-group channel-group' },
    h('legend', { i18n: 'inq.field.channel' }),
    h('div', { class: 'choice-buttons', role: 'presentation' }, INQ_CHANNELS.map((c) => {
      const id = `inquiry-channel-${c}`;
      return h('span', { class: 'choice-button' }, h('input', { type: 'radio', name: 'channel', id, value: c, class: 'sr-only' }), h('label', { for: id, i18n: `inq.channel.${c}` }));
    })),
  );

  // ---- contact: an existing one by search, or a new one by name and phone
  const modeExisting = h('input', { type: 'radio', name: 'contact_mode', id: 'inquiry-contact-mode-existing', value: 'existing', class: 'sr-only' });
  const modeNew = h('input', { type: 'radio', name: 'contact_mode', id: 'inquiry-contact-mode-new', value: 'new', class: 'sr-only' });
  const contactSearch = h('input', { type: 'search', id: 'inquiry-contact-search', name: 'contact', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'inquiry-contact-results', i18nAttr: { placeholder: 'inq.dialog.contact_search', 'aria-label': 'inq.dialog.contact_search_label' } });
  const contactResults = h('ul', { id: 'inquiry-contact-results', class: 'pick-results', hidden: true });
  const chosen = h('div', { id: 'inquiry-contact-chosen', class: 'picked', hidden: true });
  const searchWrap = h('div', { class: 'field pick-field' }, contactSearch, contactResults);
  const newName = field({ name: 'new_name', id: 'inquiry-new-name', label: 'inq.dialog.new_name', dir: 'auto', attrs: { autocomplete: 'off', maxlength: 200 } });
  const newPhone = field({ name: 'new_phone', id: 'inquiry-new-phone', label: 'inq.dialog.new_phone', type: 'tel', dir: 'ltr', attrs: { autocomplete: 'off' } });
  const createContact = field({ name: 'create_contact', id: 'inquiry-create-contact', label: 'inq.dialog.create_contact', type: 'checkbox', hint: 'inq.dialog.create_contact_hint' });
  const existingPanel = h('div', { id: 'inquiry-contact-existing', class: 'contact-panel' }, chosen, searchWrap);
  const newPanel = h('div', { id: 'inquiry-contact-new', class: 'contact-panel', hidden: true }, h('div', { class: 'grid-2' }, newName, newPhone), h('p', { class: 'hint', i18n: 'inq.dialog.new_hint' }), createContact);
  const contactGroup = h(
    'fieldset',
    { class: 'field-group contact-group', id: 'inquiry-contact' },
    h('legend', { i18n: 'inq.field.contact' }),
    h('div', { class: 'choice-buttons segmented' },
      h('span', { class: 'choice-button' }, modeExisting, h('label', { for: modeExisting.id, i18n: 'inq.dialog.existing' })),
      h('span', { class: 'choice-button' }, modeNew, h('label', { for: modeNew.id, i18n: 'inq.dialog.new' }))),
    existingPanel,
    newPanel,
  );
  let contact = null; // {id, name, phone} when an existing contact is chosen

  function setMode(mode) {
    modeExisting.checked = mode === 'existing';
    modeNew.checked = mode === 'new';
    existingPanel.hidden = mode !== 'existing';
    newPanel.hidden = mode !== 'new';
    createContact.hidden = mode !== 'new' || state.settings?.auto_create_contact_for_lead !== false;
  }
  modeExisting.addEventListener('change', () => { setMode('existing'); (contact ? chosen.querySelector('button') : contactSearch)?.focus(); });
  modeNew.addEventListener('change', () => { setMode('new'); form.elements.new_name.focus(); });

  function choose(c) {
    contact = c;
    chosen.hidden = !c;
    searchWrap.hidden = Boolean(c);
    contactResults.hidden = true;
    if (c) {
      chosen.dataset.contactId = c.id;
      chosen.replaceChildren(
        icon('contacts'),
        h('span', { class: 'picked-text' }, h('bdi', { class: 'picked-name' }, c.name), c.phone ? h('span', { class: 'muted', dir: 'ltr' }, c.phone) : null),
        h('button', { type: 'button', id: 'inquiry-contact-clear', class: 'btn btn-ghost btn-sm', onclick: () => { choose(null); contactSearch.focus(); } }, h('span', { i18n: 'inq.dialog.contact_change' })),
      );
      localize(chosen);
      unmark(contactSearch);
    } else {
      delete chosen.dataset.contactId;
      contactSearch.value = '';
    }
  }

  let contactSeq = 0;
  async function findContacts() {
    const mine = ++contactSeq;
    const text = contactSearch.value.trim();
    if (!text) {
      contactResults.hidden = true;
      return;
    }
    let page;
    try {
      page = await api.contactsSearch({ text, limit: 8 });
    } catch {
      return;
    }
    if (mine !== contactSeq) return;
    const rows = page.items.map((c) => h('li', null, h('button', {
      type: 'button', class: 'pick-item', 'data-contact-id': c.id,
      onclick: () => choose({ id: c.id, name: displayName(c), phone: c.phone }),
    }, h('bdi', null, displayName(c)), c.phone ? h('span', { class: 'muted', dir: 'ltr' }, c.phone) : null, c.city ? h('span', { class: 'muted' }, h('bdi', null, c.city)) : null)));
    const addNew = h('li', null, h('button', {
      type: 'button', id: 'inquiry-contact-add-new', class: 'pick-item pick-new',
      onclick: () => {
        const p = prefillFromSearch(text);
        setMode('new');
        form.elements.new_name.value = p.name_ar || p.name_latin || '';
        form.elements.new_phone.value = p.phones?.[0]?.raw || '';
        (form.elements.new_name.value ? form.elements.new_phone : form.elements.new_name).focus();
      },
    }, icon('plus'), h('span', { i18n: 'inq.dialog.contact_add_new' })));
    contactResults.replaceChildren(...(rows.length ? rows : [h('li', { class: 'muted pick-none', i18n: 'inq.dialog.contact_none' })]), addNew);
    contactResults.hidden = false;
    localize(contactResults);
  }
  let contactTimer = null;
  contactSearch.addEventListener('input', () => {
    contactResults.hidden = true;
    contactResults.replaceChildren();
    clearTimeout(contactTimer);
    contactTimer = setTimeout(findContacts, DEBOUNCE_MS);
  });

  // ---- items: catalog items or free text, each with a quantity
  const itemSearch = h('input', { type: 'search', id: 'inquiry-item-search', name: 'item_search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'inquiry-item-results', i18nAttr: { placeholder: 'inq.dialog.item_search', 'aria-label': 'inq.dialog.item_search_label' } });
  const itemResults = h('ul', { id: 'inquiry-item-results', class: 'pick-results', hidden: true });
  const itemList = h('ul', { id: 'inquiry-items', class: 'item-rows' });
  const itemsEmpty = h('p', { class: 'hint items-empty', i18n: 'inq.dialog.items_empty' });
  const itemsGroup = h(
    'fieldset',
    { class: 'field-group items-group', id: 'inquiry-items-group' },
    h('legend', { i18n: 'inq.field.items' }),
    h('div', { class: 'field pick-field' }, itemSearch, itemResults),
    itemList,
    itemsEmpty,
  );

  function renumber() {
    [...itemList.children].forEach((row, i) => {
      const label = row.querySelector('label.sr-only');
      if (label) setText(label, ['inq.dialog.quantity_n', { n: i + 1 }]);
    });
    itemsEmpty.hidden = itemList.children.length > 0;
  }

  function addItem(item, focus = true) {
    const qty = h('input', { type: 'text', name: 'quantity', inputmode: 'decimal', dir: 'ltr', class: 'qty-input', value: item.quantity ?? '1', autocomplete: 'off' });
    qty.id = nextId('qty');
    const row = h(
      'li',
      { class: 'field item-row', 'data-product-id': item.product_id || '' },
      h('span', { class: 'item-icon', 'aria-hidden': 'true' }, icon(item.product_id ? 'catalog' : 'note')),
      h('span', { class: 'item-text' }, h('bdi', null, item.description), item.code ? h('span', { class: 'muted mono', dir: 'ltr' }, item.code) : null),
      h('label', { for: qty.id, class: 'sr-only' }),
      qty,
      h('button', { type: 'button', class: 'btn-icon', 'data-action': 'remove-item', i18nAttr: { 'aria-label': 'inq.dialog.item_remove', title: 'inq.dialog.item_remove' }, onclick: () => {
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber();
        (next?.querySelector('input') || itemSearch).focus();
      } }, icon('trash')),
    );
    row.item = { product_id: item.product_id || null, description: item.description };
    itemList.append(row);
    renumber();
    localize(row);
    if (focus) qty.focus();
  }

  let itemSeq = 0;
  async function findItems() {
    const mine = ++itemSeq;
    const text = itemSearch.value.trim();
    if (!text) {
      itemResults.hidden = true;
      return;
    }
    let items = [];
    try {
      items = (await api.productsList({ text, limit: 8 })).items;
    } catch {
      items = []; // without the catalog right, free text still works
    }
    if (mine !== itemSeq) return;
    const pick = (p) => {
      const name = p.name_ar || p.name_en || p.code;
      const extra = p.kind === 'vehicle' ? [p.year, p.trim, p.colour].filter((x) => x && !String(name).includes(String(x))) : [];
      addItem({ product_id: p.id, description: [name, ...extra].join(' '), code: p.code, quantity: '1' });
      itemSearch.value = '';
      itemResults.hidden = true;
      itemResults.replaceChildren();
    };
    const rows = items.map((p) => h('li', null, h('button', { type: 'button', class: 'pick-item', 'data-product-id': p.id, onclick: () => pick(p) },
      h('bdi', null, p.name_ar || p.name_en || p.code),
      h('span', { class: 'muted mono', dir: 'ltr' }, p.code),
      h('span', { class: 'muted' }, formatMoney(p.price, state.company?.currency || 'SAR')),
      p.stock_status ? h('span', { class: 'badge stock-badge', 'data-stock': p.stock_status, i18n: `catalog.stock.${p.stock_status}` }) : null)));
    const free = h('li', null, h('button', {
      type: 'button', id: 'inquiry-item-add-text', class: 'pick-item pick-new',
      onclick: () => {
        addItem({ product_id: null, description: text, quantity: '1' });
        itemSearch.value = '';
        itemResults.hidden = true;
        itemResults.replaceChildren();
      },
    }, icon('plus'), h('span', { i18n: ['inq.dialog.item_add_text', { text }] })));
    itemResults.replaceChildren(...rows, free);
    itemResults.hidden = false;
    localize(itemResults);
  }
  let itemTimer = null;
  itemSearch.addEventListener('input', () => {
    itemResults.hidden = true;
    itemResults.replaceChildren();
    clearTimeout(itemTimer);
    itemTimer = setTimeout(findItems, DEBOUNCE_MS);
  });

  // ↓ from a search box into its results, Escape closes them, Enter in the item search
  // adds the text as free text when nothing from the catalog matched.
  for (const [input, results] of [[contactSearch, contactResults], [itemSearch, itemResults]]) {
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && !results.hidden) {
        e.preventDefault();
        results.querySelector('button')?.focus();
      } else if (e.key === 'Escape' && !results.hidden) {
        e.preventDefault();
        e.stopPropagation();
        results.hidden = true;
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (input === itemSearch && input.value.trim()) {
          clearTimeout(itemTimer);
          findItems().then(() => {
            const only = itemResults.querySelectorAll('button');
            if (only.length === 1) only[0].click();
          });
        }
      }
    });
    results.addEventListener('keydown', (e) => {
      const buttons = [...results.querySelectorAll('button')];
      const i = buttons.indexOf(document.activeElement);
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        buttons[Math.min(i + 1, buttons.length - 1)]?.focus();
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        (i <= 0 ? input : buttons[i - 1]).focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        results.hidden = true;
        input.focus();
      }
    });
  }

  // ---- the rest
  const budget = field({ name: 'budget', id: 'inquiry-budget', label: 'inq.field.budget', dir: 'ltr', hint: 'inq.dialog.budget_hint', attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const followUp = field({ name: 'follow_up_on', id: 'inquiry-follow-up', label: 'inq.field.follow_up_on', type: 'date' });
  const owner = field({ name: 'owner_id', id: 'inquiry-owner', label: 'inq.field.owner', type: 'select', options: directory.map((u) => ({ value: u.id, text: u.full_name || u.username })) });
  const notes = field({ name: 'notes', id: 'inquiry-notes', label: 'inq.field.notes', type: 'textarea', rows: 3, dir: 'auto' });

  const save = h('button', { type: 'submit', id: 'inquiry-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'inq.dialog.save' }));
  const cancel = h('button', { type: 'button', id: 'inquiry-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() });
  const form = h(
    'form',
    { id: 'inquiry-form', class: 'modal-form-body', novalidate: true },
    h('div', { class: 'modal-scroll' }, channels, contactGroup, itemsGroup, h('div', { class: 'grid-3' }, budget, followUp, owner), notes, error),
    h('div', { class: 'modal-actions modal-footer' }, save, cancel),
  );
  const dialog = modal({ id: 'inquiry-dialog', title: 'inq.dialog.add_title', body: form, wide: true });
  dialog.classList.add('modal-form');
  const heading = dialog.querySelector('h2');
  const f = (n) => form.elements[n];
  for (const type of ['input', 'change']) form.addEventListener(type, (e) => unmark(e.target));
  let editing = null;

  // ---- the duplicate prompt: use the existing contact, or save the new one anyway
  const dupList = h('ul', { id: 'inquiry-dup-list', class: 'dup-list' });
  const dupIntro = h('p', { id: 'inquiry-dup-intro', class: 'dup-intro', i18n: 'inq.dup.intro' });
  const saveAnyway = h('button', { type: 'button', id: 'inquiry-dup-save-anyway', class: 'btn btn-accent', onclick: () => submit(true) }, h('span', { i18n: 'inq.dup.save_anyway' }));
  const dupDialog = modal({
    id: 'inquiry-dup-dialog',
    title: 'inq.dup.title',
    body: h('div', { class: 'modal-body' }, dupIntro, dupList, h('div', { class: 'modal-actions' }, saveAnyway, h('button', { type: 'button', id: 'inquiry-dup-back', class: 'btn btn-secondary', i18n: 'inq.dup.back', onclick: () => dupDialog.close() }))),
  });
  dupDialog.setAttribute('aria-describedby', dupIntro.id);

  function showDuplicates(matches) {
    const byContact = new Map();
    for (const m of matches) {
      if (!byContact.has(m.contact_id)) byContact.set(m.contact_id, { name: m.display_name, reasons: [] });
      byContact.get(m.contact_id).reasons.push(m);
    }
    dupList.replaceChildren(...[...byContact].map(([id, { name, reasons }]) => h(
      'li',
      { class: 'dup-item', 'data-contact-id': id },
      h('div', { class: 'dup-text' },
        h('bdi', { class: 'dup-name' }, name),
        h('ul', { class: 'dup-reasons' }, reasons.map((m) => h('li', { 'data-reason': m.reason },
          DUPLICATE_REASONS.includes(m.reason) ? h('span', { i18n: `contacts.dup.reason.${m.reason}` }) : h('code', null, m.reason),
          m.matched ? [': ', h('bdi', { class: 'dup-matched', dir: 'auto' }, m.matched)] : null)))),
      h('button', { type: 'button', class: 'btn btn-primary btn-sm', 'data-action': 'use-contact', onclick: () => {
        dupDialog.close();
        setMode('existing');
        choose({ id, name, phone: null });
        submit(false);
      } }, h('span', { i18n: 'inq.dup.use' })),
    )));
    localize(dupDialog);
    if (!dupDialog.open) dupDialog.showModal();
    dupList.querySelector('button')?.focus();
  }

  /** detail: an InquiryDetail to edit, or null for a new inquiry. */
  function open(detail) {
    editing = detail || null;
    form.reset();
    clearErrors(form);
    setText(heading, detail ? ['inq.dialog.edit_title', { number: detail.number }] : 'inq.dialog.add_title');
    const channel = detail?.channel && INQ_CHANNELS.includes(detail.channel) ? detail.channel : 'walk_in';
    f('channel').value = channel;
    form.querySelector(`#inquiry-channel-${channel}`).checked = true;
    itemList.replaceChildren();
    contactResults.hidden = true;
    itemResults.hidden = true;
    if (detail) {
      choose({ id: detail.contact_id, name: detail.contact_name, phone: null });
      for (const it of detail.items) addItem({ product_id: it.product_id, description: it.description, code: it.product_code, quantity: it.quantity }, false);
      f('budget').value = detail.budget ?? '';
      f('follow_up_on').value = detail.follow_up_on ?? '';
      f('notes').value = detail.notes ?? '';
    } else {
      choose(null);
    }
    setMode('existing');
    renumber();
    const me = state.me?.user?.id;
    const ownerId = detail ? detail.owner_id : me;
    if (ownerId && ![...f('owner_id').options].some((o) => o.value === ownerId)) f('owner_id').append(h('option', { value: ownerId }, detail?.owner_name || ownerId));
    f('owner_id').value = ownerId || '';
    // Giving an inquiry to someone else needs the right over all inquiries.
    f('owner_id').disabled = scope('inquiry', detail ? 'write' : 'create') !== 'all';
    const hint = budget.querySelector('.hint');
    if (hint) setText(hint, ['inq.dialog.budget_hint', { currency: state.company?.currency || '' }]);
    localize(dialog);
    if (!dialog.open) dialog.showModal();
    (detail ? f('budget') : form.querySelector(`#inquiry-channel-${channel}`)).focus();
  }

  function read() {
    const items = [];
    for (const row of itemList.children) {
      const qtyInput = row.querySelector('[name=quantity]');
      const qty = decimalValue(qtyInput.value);
      if (!qty || Number(qty) <= 0) {
        markInvalid(qtyInput, 'validation.required');
        qtyInput.focus();
        return null;
      }
      items.push({ product_id: row.item.product_id, description: row.item.description, quantity: qty });
    }
    const b = decimalValue(f('budget').value);
    if (b === null) {
      markInvalid(f('budget'), 'catalog.validation.price');
      f('budget').focus();
      return null;
    }
    const input = {
      channel: form.querySelector('input[name=channel]:checked')?.value || 'walk_in',
      items,
      budget: b === '' ? null : b,
      notes: f('notes').value.trim(),
      follow_up_on: f('follow_up_on').value || null,
      owner_id: f('owner_id').value || null,
      create_contact: false,
      allow_duplicate: false,
    };
    if (modeNew.checked) {
      const name = f('new_name').value.trim();
      if (!name) {
        markInvalid(f('new_name'), 'inq.dialog.contact_required');
        f('new_name').focus();
        return null;
      }
      const arabic = /[\u0600-\u06FF]/.test(name);
      const phone = f('new_phone').value.trim();
      input.new_contact = { name_ar: arabic ? name : '', name_latin: arabic ? '' : name, phones: phone ? [{ number: phone, label: 'mobile' }] : [] };
      input.create_contact = f('create_contact').checked;
    } else if (contact) {
      input.contact_id = contact.id;
    } else {
      markInvalid(contactSearch, 'inq.dialog.contact_required');
      contactSearch.focus();
      return null;
    }
    return input;
  }

  // Backend fields → controls: the contact's own errors land on the new contact's fields.
  function placeError(err) {
    if (err.code === 'invalid_input' && ['quantity', 'description', 'product'].includes(err.field)) {
      const row = itemList.children[err.index ?? 0];
      const control = row?.querySelector('[name=quantity]');
      if (control) {
        markInvalid(control, err);
        control.focus();
        return;
      }
    }
    const map = modeNew.checked
      ? { name: 'new_name', name_ar: 'new_name', name_latin: 'new_name', phones: 'new_phone', phone: 'new_phone', contact: 'new_name', owner: 'owner_id' }
      : { contact: 'contact', owner: 'owner_id' };
    applyServerError(form, err, error, map);
  }

  async function submit(allowDuplicate) {
    clearErrors(form);
    const input = read();
    if (!input) {
      if (dupDialog.open) dupDialog.close();
      return;
    }
    input.allow_duplicate = allowDuplicate;
    save.disabled = true;
    saveAnyway.disabled = true;
    try {
      const saved = editing ? await api.inquiriesUpdate(editing.id, input) : await api.inquiriesCreate(input);
      if (dupDialog.open) dupDialog.close();
      dialog.close();
      showToast(editing ? 'inq.toast.saved' : ['inq.toast.created', { number: saved.number }]);
      await onSaved?.(saved, !editing);
    } catch (err) {
      if (err.code === 'possible_duplicate' && Array.isArray(err.details) && err.details.length) {
        showDuplicates(err.details);
        return;
      }
      if (dupDialog.open) dupDialog.close();
      placeError(err);
    } finally {
      save.disabled = false;
      saveAnyway.disabled = false;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });

  return { dialogs: [dialog, dupDialog], open };
}
