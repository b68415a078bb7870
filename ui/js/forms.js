// Form building blocks: labelled fields, inline errors, server-error placement.
import { h, nextId, setText, setBilingual } from './dom.js';

/**
 * A labelled control in a .field wrapper.
 * spec: {name, label (key), type, value, required, dir, hint (key), options, rows, attrs}
 * type: text | email | password | number | tel | url | select | textarea | checkbox
 */
export function field(spec) {
  const id = spec.id || nextId(spec.name);
  const control = makeControl(spec, id);
  // The text sits in its own span: re-labelling replaces text, and must keep the asterisk.
  const label = h(
    'label',
    { for: id },
    h('span', { i18n: spec.label }),
    spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
  );
  const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint`, i18n: spec.hint }) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  if (spec.type === 'checkbox') {
    return h('div', { class: `field check ${spec.class || ''}` }, control, h('div', null, label, hint));
  }
  const body = spec.suffix
    ? h('div', { class: 'input-affix', dir: spec.dir }, control, h('span', { class: 'affix', 'aria-hidden': 'true' }, spec.suffix))
    : control;
  return h('div', { class: `field ${spec.class || ''}` }, label, body, hint);
}

function makeControl(spec, id) {
  const common = { id, name: spec.name, dir: spec.dir, required: spec.required, ...spec.attrs };
  if (spec.type === 'select') {
    const select = h('select', common, (spec.options || []).map(option));
    if (spec.value != null) select.value = spec.value;
    return select;
  }
  if (spec.type === 'textarea') {
    return h('textarea', { ...common, rows: spec.rows || 2, value: spec.value ?? '' });
  }
  if (spec.type === 'checkbox') {
    return h('input', { ...common, type: 'checkbox', checked: Boolean(spec.value) });
  }
  return h('input', { ...common, type: spec.type || 'text', value: spec.value ?? '' });
}

/** {value, i18n} | {value, bi} | {value, text} */
export function option(o) {
  const el = h('option', { value: o.value });
  if (o.i18n) setText(el, o.i18n);
  else if (o.bi) setBilingual(el, o.bi);
  else el.textContent = o.text ?? o.value;
  return el;
}

/** Mark a control invalid with a message: a dictionary key, [key, vars] or an ApiError. */
export function markInvalid(control, message) {
  control.setAttribute('aria-invalid', 'true');
  const wrap = control.closest('.field, .field-group') || control.parentElement;
  let err = wrap.querySelector(':scope > .field-error');
  if (!err) {
    err = h('p', { class: 'field-error', id: nextId('err') });
    wrap.append(err);
  }
  delete err.dataset.i18n;
  delete err.dataset.ar;
  delete err.dataset.en;
  if (typeof message === 'string' || Array.isArray(message)) setText(err, message);
  else setBilingual(err, { ar: message.message_ar, en: message.message_en });
  const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  described.add(err.id);
  control.setAttribute('aria-describedby', [...described].join(' '));
}

/** Take the mark off one control that was marked invalid (and off its row or field). */
export function unmark(control) {
  if (control?.getAttribute?.('aria-invalid') !== 'true') return;
  clearErrors(control.closest('.field, .field-group') || control.parentElement);
}

/** Remove every inline error (and the form-level one) under root. */
export function clearErrors(root) {
  root.querySelectorAll('[aria-invalid="true"]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const ids = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('err-'));
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
    else c.removeAttribute('aria-describedby');
  });
  root.querySelectorAll('.field-error').forEach((e) => e.remove());
  root.querySelectorAll('.form-error').forEach((e) => {
    e.hidden = true;
    e.textContent = '';
    delete e.dataset.ar;
    delete e.dataset.en;
    delete e.dataset.i18n;
    delete e.dataset.code;
  });
}

/** An (initially hidden) role=alert area for messages that belong to no single field. */
export function formErrorArea(id) {
  return h('div', { class: 'form-error', role: 'alert', id, hidden: true });
}

/** Show an ApiError (or a dictionary key) in a form-level area. */
export function showFormError(area, err) {
  if (typeof err === 'string') setText(area, err);
  else {
    setBilingual(area, { ar: err.message_ar, en: err.message_en });
    area.dataset.code = err.code;
  }
  area.hidden = false;
}

/**
 * Place a backend error: an invalid_input with a known field marks that control,
 * anything else goes to the form-level area. Returns the marked control, if any.
 */
export function applyServerError(root, err, area, fieldMap = {}) {
  if (err.code === 'invalid_input' && err.field) {
    const name = fieldMap[err.field] || err.field;
    const control = root.querySelector(`[name="${CSS.escape(name)}"]:not([type=hidden])`);
    if (control) {
      markInvalid(control, err);
      control.focus();
      return control;
    }
  }
  if (area) showFormError(area, err);
  return null;
}

/** Whole non-negative integer from a text/number input, or NaN. */
export function intValue(control) {
  const s = String(control.value).trim();
  return /^\d+$/.test(s) ? Number(s) : NaN;
}
