// Audit log: who changed what and when, newest first, with the record before and after.
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { hasKey } from '../i18n.js';
import { field } from '../forms.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { RECORD_TYPES } from './roles.js';

const PAGE = 50;
const ENTITIES = [...RECORD_TYPES, 'company', 'number_series', 'custom_field'];

// Which record: its name where the entry carries one (the id stays as a tooltip),
// the user's own name for their login events, otherwise the id.
function recordLabel(e) {
  const rec = e.after || e.before;
  const title = e.entity_id || '';
  if (rec?.username) return h('div', { class: 'sub', dir: 'auto', title }, rec.username);
  if (rec?.name_ar) return h('div', { class: 'sub', title, bi: { ar: rec.name_ar, en: rec.name_en || rec.name_ar } });
  if (rec?.label_ar) return h('div', { class: 'sub', title, bi: { ar: rec.label_ar, en: rec.label_en || rec.label_ar } });
  if (e.entity === 'user' && e.entity_id && e.entity_id === e.actor_id) return h('div', { class: 'sub', dir: 'auto', title }, e.actor_name);
  return e.entity_id ? h('div', { class: 'sub mono', dir: 'ltr' }, e.entity_id) : null;
}

function recordName(entity) {
  return hasKey(`record.${entity}`) ? h('span', { i18n: `record.${entity}` }) : h('code', null, entity);
}

// "user.create" → its own name; else the verb's name; else the code itself (an
// action written by a newer version).
function actionName(action) {
  const own = `audit.act.${String(action).replaceAll('.', '_')}`;
  const verb = `audit.verb.${String(action).split('.').pop()}`;
  const key = hasKey(own) ? own : hasKey(verb) ? verb : null;
  return key
    ? h('span', { class: 'audit-action', title: action, i18n: key })
    : h('code', { class: 'audit-action' }, action);
}

function json(value) {
  return h('pre', { class: 'json', dir: 'ltr' }, value == null ? '—' : JSON.stringify(value, null, 2));
}

function changedKeys(before, after) {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function details(entry) {
  const changed = changedKeys(entry.before, entry.after);
  return h(
    'details',
    { class: 'audit-details' },
    h('summary', null, h('span', { i18n: 'audit.show_details' })),
    changed.length
      ? h('p', { class: 'changed' }, h('span', { i18n: 'audit.changed_fields' }), ' ', changed.map((k) => h('code', { class: 'chip', dir: 'ltr' }, k)))
      : null,
    h(
      'div',
      { class: 'diff' },
      h('div', null, h('h4', { i18n: 'audit.before' }), json(entry.before)),
      h('div', null, h('h4', { i18n: 'audit.after' }), json(entry.after)),
    ),
  );
}

function row(e) {
  return h(
    'tr',
    { 'data-id': e.id, 'data-action': e.action, 'data-entity': e.entity },
    h('td', { class: 'nowrap' }, timeEl(e.at)),
    h('td', null, h('bdi', null, e.actor_name)),
    h('td', null, actionName(e.action)),
    h('td', null, recordName(e.entity), recordLabel(e)),
    h('td', { class: 'col-details' }, details(e)),
  );
}

export async function renderAudit(view) {
  const body = h('div', { class: 'view-body' });
  view.replaceChildren(pageHeader('audit.title', 'audit.subtitle'), body);

  const filter = field({
    id: 'audit-entity',
    name: 'entity',
    label: 'audit.filter',
    type: 'select',
    options: [{ value: '', i18n: 'audit.all' }, ...ENTITIES.map((e) => ({ value: e, i18n: `record.${e}` }))],
  });
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'audit-table', class: 'data-table' },
    h('thead', null, h('tr', null, ['audit.at', 'audit.actor', 'audit.action', 'audit.record', 'audit.details'].map((k) => h('th', { scope: 'col', i18n: k })))),
    tbody,
  );
  const more = h('button', { type: 'button', id: 'audit-more', class: 'btn btn-secondary', hidden: true }, h('span', { i18n: 'audit.more' }));
  const banner = h('div', { class: 'banner-slot' });
  let last = null;

  async function load(reset) {
    banner.replaceChildren();
    more.disabled = true;
    try {
      const entity = filter.querySelector('select').value;
      const entries = await api.auditList({ entity: entity || undefined, limit: PAGE, before: reset ? undefined : last?.id });
      if (reset) {
        tbody.replaceChildren();
        last = null;
      }
      tbody.querySelector('td.empty')?.parentElement.remove();
      tbody.append(...entries.map(row));
      if (!tbody.children.length) tbody.append(h('tr', null, h('td', { colspan: 5, class: 'empty', i18n: 'common.empty' })));
      last = entries[entries.length - 1] || last;
      more.hidden = entries.length < PAGE;
      localize(tbody);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
      return false;
    } finally {
      more.disabled = false;
    }
    return true;
  }

  filter.querySelector('select').addEventListener('change', () => load(true));
  more.addEventListener('click', () => load(false));

  // The first load decides what the page shows: the log, or only the refusal.
  let first;
  try {
    first = await api.auditList({ limit: PAGE });
  } catch (err) {
    body.replaceChildren(errorBanner(err));
    return;
  }
  tbody.append(...first.map(row));
  if (!first.length) tbody.append(h('tr', null, h('td', { colspan: 5, class: 'empty', i18n: 'common.empty' })));
  last = first[first.length - 1] || null;
  more.hidden = first.length < PAGE;
  body.replaceChildren(
    h('div', { class: 'toolbar' }, filter),
    banner,
    h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' }, table)),
    h('div', { class: 'load-more' }, more),
  );
  localize(body);
}
