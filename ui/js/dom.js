// A tiny element builder and the pass that re-labels the page after a language or
// digit change. Text is tagged (data-i18n, data-ar/data-en, time[data-fmt]) instead of
// being re-rendered, so switching language never loses what the user has typed.
import { t, pick } from './i18n.js';
import { formatDate, formatDateTime, formatNumber } from './format.js';

const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate']);

/**
 * h('button', {class: 'btn', i18n: 'common.save', onclick}, child, …)
 * Special props: i18n (key or [key, vars]), i18nAttr ({attr: key}), bi ({ar, en}),
 * dataset, on<event>. Children may be strings, nodes, arrays, null or false.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  append(el, children);
  if (props) {
    for (const [key, value] of Object.entries(props)) setProp(el, key, value);
  }
  return el;
}

function setProp(el, key, value) {
  if (value == null || value === false) return;
  if (key === 'class') el.className = value;
  else if (key === 'i18n') setText(el, value);
  else if (key === 'i18nAttr') setAttrs(el, value);
  else if (key === 'bi') setBilingual(el, value);
  else if (key === 'dataset') Object.assign(el.dataset, value);
  else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
  else if (PROPERTIES.has(key)) el[key] = value;
  else el.setAttribute(key, value === true ? '' : String(value));
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Tag an element with a dictionary key (and optional placeholder values). */
export function setText(el, spec) {
  const [key, vars] = Array.isArray(spec) ? spec : [spec, null];
  el.dataset.i18n = key;
  if (vars) el.dataset.i18nVars = JSON.stringify(vars);
  else delete el.dataset.i18nVars;
  el.textContent = t(key, vars || undefined);
}

function setAttrs(el, map) {
  el.dataset.i18nAttr = Object.entries(map).map(([a, k]) => `${a}:${k}`).join(';');
  for (const [attr, key] of Object.entries(map)) el.setAttribute(attr, t(key));
}

/** Text that comes from the backend in both languages (names, error messages). */
export function setBilingual(el, { ar, en }) {
  el.dataset.ar = ar ?? '';
  el.dataset.en = en ?? '';
  el.textContent = pick(ar, en);
}

/** A <time> that re-formats itself on language/digit change. kind: date | datetime | long */
export function timeEl(value, kind = 'datetime') {
  if (!value) return h('span', { class: 'muted' }, '—');
  const el = h('time', { datetime: value, 'data-fmt': kind });
  el.textContent = formatTime(value, kind);
  return el;
}

/** A number that re-formats itself on digit change. */
export function numEl(value) {
  const el = h('span', { 'data-num': String(value) });
  el.textContent = formatNumber(value);
  return el;
}

function formatTime(value, kind) {
  if (kind === 'date') return formatDate(value);
  if (kind === 'long') {
    return formatDate(value, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  }
  return formatDateTime(value);
}

function each(root, selector, fn) {
  if (root.matches?.(selector)) fn(root);
  root.querySelectorAll(selector).forEach(fn);
}

/** Re-label everything under `root` for the current language and digits. */
export function localize(root = document.body) {
  each(root, '[data-i18n]', (el) => {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    el.textContent = t(el.dataset.i18n, vars);
  });
  each(root, '[data-i18n-attr]', (el) => {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  });
  each(root, '[data-ar], [data-en]', (el) => {
    el.textContent = pick(el.dataset.ar, el.dataset.en);
  });
  each(root, 'time[data-fmt]', (el) => {
    el.textContent = formatTime(el.getAttribute('datetime'), el.dataset.fmt);
  });
  each(root, '[data-num]', (el) => {
    el.textContent = formatNumber(el.dataset.num);
  });
}

/** Remove all children. */
export function clear(el) {
  el.replaceChildren();
  return el;
}

let uid = 0;
/** A unique id for label/input pairs. */
export function nextId(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}
