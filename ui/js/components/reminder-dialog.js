// The reminder form (#reminder-dialog, #reminder-form), for a new reminder and for edits.
// Element ids for tests: #reminder-title, #reminder-note, #reminder-due (datetime-local),
// #reminder-assignee (managers only), #reminder-link (the linked record, #reminder-link-clear),
// #reminder-repeat, #reminder-every, #reminder-weekdays input[value=Sat…Fri],
// #reminder-month-day, input[name=ends]#reminder-ends-<never|until|after>, #reminder-until,
// #reminder-count, #reminder-save, #reminder-cancel.
import { h, localize, setText } from '../dom.js';
import { state, scope } from '../state.js';
import { field, markInvalid, unmark, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { icon } from './icons.js';
import { modal } from './dialogs.js';
import { rem, REPEATS, WEEKDAYS, localInputValue, naiveToInput, inputToNaive } from '../reminders.js';

/** directory: colleagues for the assignee picker; onSaved(reminder, created). */
export function reminderDialog({ directory = [], onSaved }) {
  const error = formErrorArea('reminder-form-error');
  const zoneHint = h('p', { class: 'hint', id: 'reminder-due-hint' });
  const title = field({ name: 'title', id: 'reminder-title', label: 'rem.dialog.title', required: true, dir: 'auto', attrs: { maxlength: 200, autocomplete: 'off' } });
  const note = field({ name: 'note', id: 'reminder-note', label: 'rem.dialog.note', type: 'textarea', rows: 2, dir: 'auto' });
  const due = field({ name: 'due', id: 'reminder-due', label: 'rem.dialog.due', type: 'datetime-local', required: true, dir: 'ltr' });
  due.append(zoneHint);
  due.querySelector('input').setAttribute('aria-describedby', zoneHint.id);
  const managers = scope('reminder', 'create') === 'all';
  const assignee = managers
    ? field({ name: 'assignee', id: 'reminder-assignee', label: 'rem.dialog.assignee', type: 'select', options: directory.map((u) => ({ value: u.id, text: u.full_name || u.username })) })
    : null;

  // The linked record, when opened from one (or editing a linked reminder).
  const linkText = h('span', { class: 'link-text' });
  const linkBox = h(
    'div',
    { id: 'reminder-link', class: 'picked reminder-link', hidden: true },
    icon('pin'),
    h('span', { class: 'label-text', i18n: 'rem.dialog.link' }),
    linkText,
    h('button', { type: 'button', id: 'reminder-link-clear', class: 'btn-icon', i18nAttr: { 'aria-label': 'rem.dialog.link_none', title: 'rem.dialog.link_none' }, onclick: () => setLink(null) }, icon('close')),
  );

  const repeat = field({ name: 'repeat', id: 'reminder-repeat', label: 'rem.dialog.repeat', type: 'select', options: REPEATS.map((r) => ({ value: r, i18n: `rem.repeat.${r}` })) });
  const unit = h('span', { class: 'every-unit' });
  const every = h('div', { class: 'field every-field' }, h('label', { for: 'reminder-every', i18n: 'rem.dialog.every' }), h('div', { class: 'inline-row' }, h('input', { type: 'number', id: 'reminder-every', name: 'every', min: 1, max: 999, value: 1, dir: 'ltr', class: 'num-input' }), unit));
  const weekdays = h(
    'fieldset',
    { id: 'reminder-weekdays', class: 'field-group weekday-group' },
    h('legend', { i18n: 'rem.dialog.weekdays' }),
    h('div', { class: 'choice-buttons' }, WEEKDAYS.map((d) => {
      const id = `reminder-day-${d}`;
      return h('span', { class: 'choice-button' }, h('input', { type: 'checkbox', name: 'weekday', id, value: d, class: 'sr-only' }), h('label', { for: id, i18n: `rem.weekday.${d}` }));
    })),
  );
  const monthDay = field({ name: 'month_day', id: 'reminder-month-day', label: 'rem.dialog.month_day', type: 'select', options: [{ value: '', i18n: 'rem.dialog.month_same' }, { value: '-1', i18n: 'rem.dialog.month_last' }] });
  const endsRadio = (v) => {
    const id = `reminder-ends-${v}`;
    return h('span', { class: 'choice-button' }, h('input', { type: 'radio', name: 'ends', id, value: v, class: 'sr-only' }), h('label', { for: id, i18n: `rem.dialog.ends_${v}` }));
  };
  const until = field({ name: 'until', id: 'reminder-until', label: 'rem.dialog.until', type: 'date', dir: 'ltr' });
  const count = field({ name: 'count', id: 'reminder-count', label: 'rem.dialog.count', type: 'number', dir: 'ltr', attrs: { min: 1, max: 10000, class: 'num-input' } });
  const ends = h(
    'fieldset',
    { id: 'reminder-ends', class: 'field-group ends-group' },
    h('legend', { i18n: 'rem.dialog.ends' }),
    h('div', { class: 'choice-buttons segmented' }, ['never', 'until', 'after'].map(endsRadio)),
    until,
    count,
  );
  const repeatBlock = h('div', { class: 'repeat-block' }, h('div', { class: 'grid-2' }, repeat, every), weekdays, monthDay, ends);

  const save = h('button', { type: 'submit', id: 'reminder-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }));
  const cancel = h('button', { type: 'button', id: 'reminder-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() });
  const form = h(
    'form',
    { id: 'reminder-form', class: 'modal-form-body', novalidate: true },
    h('div', { class: 'modal-scroll' }, title, h('div', { class: 'grid-2' }, due, assignee), linkBox, note, repeatBlock, error),
    h('div', { class: 'modal-actions modal-footer' }, save, cancel),
  );
  const dialog = modal({ id: 'reminder-dialog', title: 'rem.dialog.add_title', body: form, wide: true });
  dialog.classList.add('modal-form');
  const heading = dialog.querySelector('h2');
  const f = (n) => form.elements[n];
  let editing = null;
  let link = null;

  function setLink(ref, label) {
    link = ref ? { kind: ref.kind, id: ref.id } : null;
    linkBox.hidden = !link;
    if (link) {
      const kind = h('span', { class: 'badge', i18n: `rem.link_kind.${link.kind}` });
      const name = label ? (typeof label === 'object' ? h('bdi', { bi: label }) : h('bdi', null, label)) : null;
      linkText.replaceChildren(kind, name ? ' ' : null, name);
      localize(linkBox);
    }
  }

  function showRepeat() {
    const r = f('repeat').value;
    every.hidden = r === 'none';
    weekdays.hidden = r !== 'weekly';
    monthDay.hidden = r !== 'monthly';
    ends.hidden = r === 'none';
    if (r !== 'none') setText(unit, `rem.unit.${r}`);
    const e = form.querySelector('input[name=ends]:checked')?.value || 'never';
    until.hidden = e !== 'until';
    count.hidden = e !== 'after';
  }
  form.addEventListener('change', showRepeat);
  for (const type of ['input', 'change']) form.addEventListener(type, (e) => unmark(e.target));

  /**
   * reminder: one to edit, or null for a new one. preset: {link: {kind, id}, label,
   * due: Date} for a new one opened from a record.
   */
  async function open(reminder, preset = {}) {
    editing = reminder || null;
    form.reset();
    clearErrors(form);
    setText(heading, reminder ? 'rem.dialog.edit_title' : 'rem.dialog.add_title');
    try {
      const s = await rem.settingsGet();
      setText(zoneHint, ['rem.dialog.due_hint', { zone: s.effective_time_zone }]);
    } catch {
      zoneHint.textContent = '';
    }
    const r = reminder?.recurrence || { repeat: 'none', every: 1, weekdays: [], month_day: null, ends: { type: 'never' } };
    f('title').value = reminder?.title ?? '';
    f('note').value = reminder?.note ?? '';
    // A new one: the next full hour.
    const soon = new Date(Date.now() + 3600_000);
    soon.setMinutes(0, 0, 0);
    f('due').value = reminder ? naiveToInput(reminder.due) : localInputValue(preset.due || soon);
    if (assignee) f('assignee').value = reminder?.assignee_id || state.me.user.id;
    setLink(reminder ? reminder.link : preset.link, preset.label);
    f('repeat').value = r.repeat;
    f('every').value = r.every || 1;
    form.querySelectorAll('input[name=weekday]').forEach((c) => {
      c.checked = (r.weekdays || []).includes(c.value);
    });
    f('month_day').value = r.month_day === -1 ? '-1' : '';
    const endType = r.ends?.type || 'never';
    form.querySelector(`#reminder-ends-${endType}`).checked = true;
    f('until').value = endType === 'until' ? r.ends.value : '';
    f('count').value = endType === 'after' ? r.ends.value : '';
    showRepeat();
    localize(dialog);
    if (!dialog.open) dialog.showModal();
    f('title').focus();
  }

  const whole = (v) => (/^\d+$/.test(String(v).trim()) && Number(v) >= 1 ? Number(v) : NaN);

  /** The input for the backend, or null after marking what is wrong. */
  function read() {
    let bad = null;
    const mark = (control, key) => {
      markInvalid(control, key);
      bad = bad || control;
    };
    if (!f('title').value.trim()) mark(f('title'), 'rem.validation.title');
    if (!f('due').value) mark(f('due'), 'rem.validation.due');
    const repeatValue = f('repeat').value;
    const recurrence = { repeat: repeatValue, every: 1, weekdays: [], month_day: null, ends: { type: 'never' } };
    if (repeatValue !== 'none') {
      recurrence.every = whole(f('every').value);
      if (Number.isNaN(recurrence.every)) mark(f('every'), 'rem.validation.number');
      if (repeatValue === 'weekly') {
        recurrence.weekdays = [...form.querySelectorAll('input[name=weekday]:checked')].map((c) => c.value);
        if (!recurrence.weekdays.length) mark(form.querySelector('input[name=weekday]'), 'rem.validation.weekdays');
      }
      if (repeatValue === 'monthly' && f('month_day').value) recurrence.month_day = Number(f('month_day').value);
      const e = form.querySelector('input[name=ends]:checked')?.value || 'never';
      if (e === 'until') {
        if (!f('until').value) mark(f('until'), 'rem.validation.due');
        recurrence.ends = { type: 'until', value: f('until').value };
      } else if (e === 'after') {
        const n = whole(f('count').value);
        if (Number.isNaN(n)) mark(f('count'), 'rem.validation.number');
        recurrence.ends = { type: 'after', value: n };
      }
    }
    if (bad) {
      bad.focus();
      return null;
    }
    return {
      title: f('title').value.trim(),
      note: f('note').value.trim(),
      due: inputToNaive(f('due').value),
      link,
      assignee: assignee ? f('assignee').value : null,
      recurrence,
    };
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const input = read();
    if (!input) return;
    save.disabled = true;
    try {
      const saved = editing ? await rem.update(editing.id, input) : await rem.create(input);
      const created = !editing;
      dialog.close();
      showToast('rem.saved_toast');
      onSaved?.(saved, created);
    } catch (err) {
      applyServerError(form, err, error, { recurrence: 'repeat' });
      localize(form);
    } finally {
      save.disabled = false;
    }
  });

  return { dialog, open };
}

/**
 * "Add reminder" for a record page (#reminder-add-here): opens the form linked to
 * `link` ({kind, id}); label: the record's name (text or {ar, en}) shown in the form.
 * None for a user who may not create reminders.
 */
export function addReminderButton(link, label) {
  if (scope('reminder', 'create') === 'none') return null;
  const button = h('button', { type: 'button', id: 'reminder-add-here', class: 'btn btn-secondary' }, icon('bell'), h('span', { i18n: 'rem.add' }));
  let editor = null;
  button.addEventListener('click', async () => {
    if (!editor) {
      const { loadDirectory } = await import('../contacts.js');
      document.getElementById('reminder-dialog')?.remove();
      editor = reminderDialog({ directory: await loadDirectory() });
      (button.closest('.view') || document.body).append(editor.dialog);
    }
    editor.open(null, { link, label });
  });
  return button;
}
