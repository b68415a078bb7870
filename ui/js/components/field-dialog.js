// The custom field form (#field-dialog, #field-form): both names, the type (fixed once
// the field exists), the choices of a choice field, and the kinds it is mandatory for.
import { h, localize, nextId, setText } from '../dom.js';
import { api } from '../api.js';
import { field, markInvalid, unmark, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { icon } from './icons.js';
import { modal } from './dialogs.js';
import { KINDS, FIELD_TYPES } from '../contacts.js';

/** A choice row: Arabic and English label, and the key it had (kept on save). */
function choiceRow(choice, onRemove) {
  const ar = h('input', { type: 'text', name: 'choice_ar', dir: 'rtl', lang: 'ar', maxlength: 80, autocomplete: 'off', value: choice?.ar ?? '' });
  const en = h('input', { type: 'text', name: 'choice_en', dir: 'ltr', lang: 'en', maxlength: 80, autocomplete: 'off', value: choice?.en ?? '' });
  ar.id = nextId('choice-ar');
  en.id = nextId('choice-en');
  const row = h(
    'li',
    { class: 'field choice-row', 'data-choice-key': choice?.key || null },
    h('label', { for: ar.id, class: 'sr-only', 'data-key': 'fields.choice_ar_n' }),
    h('label', { for: en.id, class: 'sr-only', 'data-key': 'fields.choice_en_n' }),
    h(
      'div',
      { class: 'choice-controls' },
      ar,
      en,
      h(
        'button',
        { type: 'button', class: 'btn-icon', 'data-action': 'remove-choice', i18nAttr: { 'aria-label': 'fields.remove_choice', title: 'fields.remove_choice' }, onclick: () => onRemove(row) },
        icon('trash'),
      ),
    ),
  );
  return row;
}

/**
 * onSaved(field): after a save, once the dialog has closed.
 * Returns {dialog, open(field | null)}; the caller appends the dialog.
 */
export function fieldDialog({ onSaved }) {
  const error = formErrorArea('field-form-error');

  // ---- Choices editor ----
  const rows = h('ul', { class: 'choice-rows', id: 'field-choice-rows' });
  const addChoice = h(
    'button',
    { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'add-choice', onclick: () => addRow(null, true) },
    icon('plus'),
    h('span', { i18n: 'fields.add_choice' }),
  );
  const choices = h(
    'fieldset',
    { class: 'field-group choices-editor', id: 'field-choices' },
    h('legend', { i18n: 'fields.choices' }),
    h('p', { class: 'hint', i18n: 'fields.choices_hint' }),
    h('div', { class: 'choice-head', 'aria-hidden': 'true' }, h('span', { i18n: 'fields.choice_ar' }), h('span', { i18n: 'fields.choice_en' })),
    rows,
    addChoice,
  );

  function renumber() {
    [...rows.children].forEach((row, i) => {
      row.querySelectorAll('label.sr-only').forEach((l) => setText(l, [l.dataset.key, { n: i + 1 }]));
    });
  }

  function addRow(choice, focus) {
    const row = choiceRow(choice, removeRow);
    rows.append(row);
    renumber();
    localize(row);
    if (focus) row.querySelector('input').focus();
  }

  function removeRow(row) {
    if (rows.children.length === 1) {
      // Keep one (empty) row so there is always somewhere to type.
      row.querySelectorAll('input').forEach((i) => { i.value = ''; });
      delete row.dataset.choiceKey;
      clearErrors(row);
      row.querySelector('input').focus();
      return;
    }
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    next?.querySelector('input')?.focus();
  }

  function fillChoices(list) {
    rows.replaceChildren();
    (list && list.length ? list : [null, null]).forEach((c) => addRow(c, false));
  }

  // ---- The form ----
  const typeField = field({
    name: 'field_type',
    label: 'fields.field_type',
    type: 'select',
    hint: 'fields.type_locked',
    options: FIELD_TYPES.map((t) => ({ value: t, i18n: `contacts.field_type.${t}` })),
  });
  const typeHint = typeField.querySelector('.hint');
  const kinds = h(
    'fieldset',
    { class: 'field-group', id: 'field-required-kinds' },
    h('legend', { i18n: 'fields.required_for' }),
    h(
      'div',
      { class: 'grid-3' },
      KINDS.map((k) => field({ name: 'required_kinds', label: `contacts.kind.${k}`, type: 'checkbox', attrs: { value: k } })),
    ),
    h('p', { class: 'hint', i18n: 'fields.required_hint' }),
  );
  const save = h('button', { type: 'submit', id: 'field-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }));
  const cancel = h('button', { type: 'button', id: 'field-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() });
  const form = h(
    'form',
    { id: 'field-form', class: 'modal-form-body', novalidate: true },
    h(
      'div',
      { class: 'modal-scroll' },
      h(
        'div',
        { class: 'grid-2' },
        field({ name: 'label_ar', label: 'fields.label_ar', required: true, dir: 'rtl', attrs: { lang: 'ar', maxlength: 80, autocomplete: 'off' } }),
        field({ name: 'label_en', label: 'fields.label_en', required: true, dir: 'ltr', attrs: { lang: 'en', maxlength: 80, autocomplete: 'off' } }),
        typeField,
      ),
      choices,
      kinds,
      error,
    ),
    h('div', { class: 'modal-actions modal-footer' }, save, cancel),
  );
  const dialog = modal({ id: 'field-dialog', title: 'fields.add_title', body: form, wide: true });
  dialog.classList.add('modal-form');
  const heading = dialog.querySelector('h2');
  const f = (n) => form.elements[n];
  const typeSelect = typeField.querySelector('select');
  let editing = null;

  function showChoices() {
    choices.hidden = typeSelect.value !== 'choice';
  }
  typeSelect.addEventListener('change', showChoices);

  /** field: a CustomField to edit, or null to add one. */
  function open(existing) {
    editing = existing || null;
    form.reset();
    clearErrors(form);
    setText(heading, editing ? 'fields.edit_title' : 'fields.add_title');
    f('label_ar').value = editing?.label_ar ?? '';
    f('label_en').value = editing?.label_en ?? '';
    typeSelect.value = FIELD_TYPES.includes(editing?.field_type) ? editing.field_type : 'text';
    // The backend refuses a type change: saved values would no longer make sense.
    typeSelect.disabled = Boolean(editing);
    typeHint.hidden = !editing;
    for (const box of form.querySelectorAll('[name=required_kinds]')) {
      box.checked = Boolean(editing?.required_kinds?.includes(box.value));
    }
    fillChoices(editing?.field_type === 'choice' ? editing.choices : null);
    showChoices();
    localize(dialog);
    dialog.showModal();
    f('label_ar').focus();
  }

  function read() {
    const type = typeSelect.value;
    return {
      label_ar: f('label_ar').value.trim(),
      label_en: f('label_en').value.trim(),
      field_type: type,
      // Sent in full (empty rows too) so an error's index names the row on screen.
      choices:
        type === 'choice'
          ? [...rows.children].map((r) => ({
              key: r.dataset.choiceKey || '',
              ar: r.querySelector('[name=choice_ar]').value.trim(),
              en: r.querySelector('[name=choice_en]').value.trim(),
            }))
          : [],
      required_kinds: [...form.querySelectorAll('[name=required_kinds]:checked')].map((b) => b.value),
    };
  }

  function validate(input) {
    const bad = [];
    if (!input.label_ar) bad.push([f('label_ar'), 'validation.required']);
    if (!input.label_en) bad.push([f('label_en'), 'validation.required']);
    if (input.field_type === 'choice' && !input.choices.some((c) => c.ar || c.en)) {
      bad.push([rows.querySelector('[name=choice_ar]'), 'fields.choices_required']);
    }
    bad.forEach(([c, m]) => markInvalid(c, m));
    return bad.length ? bad[0][0] : null;
  }

  function placeError(err) {
    if (err.code === 'invalid_input' && err.field === 'choices') {
      const row = rows.children[err.index ?? 0] || rows.firstElementChild;
      const control = row?.querySelector('[name=choice_ar]');
      if (control) {
        markInvalid(control, err);
        control.focus();
        return;
      }
    }
    applyServerError(form, err, error);
  }

  // Editing a marked value takes its mark away (saving checks it again).
  form.addEventListener('input', (e) => unmark(e.target));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const input = read();
    const bad = validate(input);
    if (bad) {
      bad.focus();
      return;
    }
    save.disabled = true;
    try {
      const saved = editing ? await api.fieldsUpdate(editing.id, input) : await api.fieldsCreate(input);
      dialog.close();
      showToast('toast.saved');
      await onSaved?.(saved);
    } catch (err) {
      placeError(err);
    } finally {
      save.disabled = false;
    }
  });

  return { dialog, open };
}
