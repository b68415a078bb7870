// The contact's timeline (#contact-timeline): quick logging of a call or a visit in two
// clicks (#log-call / #log-visit, then an outcome button[data-outcome]), a fuller
// form for notes and other interactions (#log-note → #interaction-form), and the
// list of everything that happened, newest first (#timeline-list li[data-source]).
// Sales documents (source "sales") read «عرض السعر QTN-2026-00001 — مقبول», with
// a.doc-link[data-doc-type][data-doc-id] to #/inquiries/<id>, #/quotations/<id>,
// #/invoices/<id> or #/delivery-notes/<id>.
import { h, localize, setText, timeEl } from '../dom.js';
import { api } from '../api.js';
import { formatMoney } from '../format.js';
import { showToast } from '../toast.js';
import { icon } from './icons.js';
import { errorBanner } from './error-banner.js';
import { hasKey } from '../i18n.js';
import { docHref, lostReason, INQ_CHANNELS, LOST_REASONS } from '../sales.js';

export const OUTCOMES = {
  call: ['answered', 'no_answer', 'busy', 'call_back'],
  visit: ['browsed', 'interested', 'negotiated', 'bought'],
};
const KINDS = ['call', 'visit', 'email', 'message', 'note'];
const KIND_ICONS = { call: 'phone', visit: 'visit', email: 'mail', message: 'message', note: 'note' };
const PAGE = 30;

function entryTitle(e) {
  if (e.source === 'interaction') {
    const parts = [h('span', { i18n: `card.kind.${e.kind}` })];
    if (e.outcome) parts.push(' · ', h('span', { class: 'outcome', 'data-outcome': e.outcome, i18n: `card.outcome.${e.outcome}` }));
    return parts;
  }
  if (e.source === 'purchase') {
    return [h('span', { i18n: 'card.purchase' }), e.reference ? [' ', h('bdi', { dir: 'ltr' }, e.reference)] : null, ' · ', h('span', { class: 'amount' }, formatMoney(e.amount, e.currency))];
  }
  if (e.source === 'merge') return h('span', { i18n: [e.kind === 'merged' ? 'card.merged_with' : 'card.merge_undone_with', { names: e.body }] });
  if (e.source === 'sales') return salesTitle(e);
  if (e.source === 'task') return taskTitle(e);
  return h('span', { i18n: 'card.created_entry' });
}

const label = (key, fallback) => (hasKey(key) ? h('span', { i18n: key }) : h('span', null, fallback));

/**
 * What happened to a sales document, e.g. «عرض السعر QTN-2026-00001 — مقبول»: the
 * document (a link to it), then its new status, or the event (→ the status it led to).
 */
function salesTitle(e) {
  const doc = [label(`inq.doc.${e.kind}`, e.kind), ' ', h('bdi', { dir: 'ltr' }, e.reference || '')];
  const href = docHref(e.kind, e.doc_id);
  const status = e.status ? label(`inq.doc_status.${e.status}`, e.status) : null;
  let what;
  if (e.outcome === 'status' && status) what = h('span', { class: 'doc-status', 'data-status': e.status }, status);
  else what = [label(`inq.event.${e.outcome}`, e.outcome), status ? [' ', h('span', { class: 'arrow', 'aria-hidden': 'true' }), ' ', h('span', { class: 'doc-status', 'data-status': e.status }, status)] : null];
  return [href ? h('a', { href, class: 'doc-link', 'data-doc-type': e.kind, 'data-doc-id': e.doc_id }, doc) : doc, ' — ', what];
}

/** A sales event's detail in words (channel, follow-up, lost reason), else as recorded. */
function salesDetail(e) {
  const d = e.body;
  if (!d) return null;
  if (e.outcome === 'created' && INQ_CHANNELS.includes(d)) return h('span', { i18n: `inq.channel.${d}` });
  if (e.outcome === 'follow_up') {
    const [kind, outcome] = d.split(':');
    return [label(`card.kind.${kind}`, kind), outcome ? [' · ', label(`card.outcome.${outcome}`, outcome)] : null];
  }
  if (e.outcome === 'updated') return null;
  if (LOST_REASONS.includes(d) || e.status === 'lost') return lostReason(d);
  return h('bdi', { dir: 'auto' }, d);
}

/** A linked task's step: «مهمة تجهيز السيارة — منجزة» (the title links to the task). */
function taskTitle(e) {
  const step = e.outcome ? label(`task.status.${e.status}`, e.status) : label('task.timeline.created', 'created');
  return [h('span', { i18n: 'task.timeline.task' }), ' ', h('a', { href: `#/tasks/${encodeURIComponent(e.doc_id)}`, class: 'task-link' }, h('bdi', null, e.body)), ' — ', h('span', { class: 'task-status-text', 'data-status': e.status }, step)];
}

const SALES_ICONS = { inquiry: 'inquiries', quotation: 'quotations', delivery_note: 'cart', invoice: 'quotations' };

function entryIcon(e) {
  if (e.source === 'interaction') return KIND_ICONS[e.kind] || 'note';
  if (e.source === 'purchase') return 'cart';
  if (e.source === 'merge') return 'merge';
  if (e.source === 'sales') return SALES_ICONS[e.kind] || 'quotations';
  if (e.source === 'task') return 'tasks';
  return 'plus';
}

/**
 * contact: the card's contact; canLog: whether the user may write it.
 * Returns { el, reload }.
 */
export function timeline(contact, { canLog }) {
  const list = h('ol', { id: 'timeline-list', class: 'timeline' });
  const more = h('button', { type: 'button', id: 'timeline-more', class: 'btn btn-secondary btn-sm', hidden: true, i18n: 'card.timeline_more' });
  const banner = h('div', { class: 'banner-slot' });
  let next = null;

  async function load(append) {
    try {
      const page = await api.contactsTimeline(contact.id, { limit: PAGE, after: append ? next : undefined });
      banner.replaceChildren();
      if (!append) list.replaceChildren();
      list.append(...page.items.map(entry));
      next = page.next || null;
      more.hidden = !next;
      if (!list.children.length) list.append(h('li', { class: 'timeline-empty muted', i18n: 'card.timeline_empty' }));
      localize(list);
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }
  more.addEventListener('click', () => load(true));

  async function removeInteraction(e) {
    try {
      await api.interactionsDelete(e.id);
      await load(false);
      showToast('card.interaction_deleted', 'success', {
        label: 'card.undo',
        run: async () => {
          await api.interactionsRestore(e.id);
          await load(false);
        },
      });
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
    }
  }

  function entry(e) {
    const by = e.by_name ? h('span', { class: 'timeline-by' }, h('bdi', null, e.by_name)) : null;
    const remove = canLog && e.source === 'interaction'
      ? h('button', { type: 'button', class: 'btn-icon timeline-delete', 'data-action': 'delete-interaction', i18nAttr: { 'aria-label': 'card.delete_interaction', title: 'card.delete_interaction' }, onclick: () => removeInteraction(e) }, icon('trash'))
      : null;
    return h(
      'li',
      { class: 'timeline-entry', 'data-source': e.source, 'data-kind': e.kind, 'data-id': e.id },
      h('span', { class: 'timeline-icon', 'aria-hidden': 'true' }, icon(entryIcon(e))),
      h(
        'div',
        { class: 'timeline-body' },
        h('p', { class: 'timeline-title' }, entryTitle(e)),
        e.body && e.source === 'interaction' ? h('p', { class: 'timeline-text', dir: 'auto' }, e.body) : null,
        e.source === 'purchase' && e.body ? h('p', { class: 'timeline-text', dir: 'auto' }, e.body) : null,
        e.source === 'sales' && salesDetail(e) ? h('p', { class: 'timeline-text' }, salesDetail(e)) : null,
        h('p', { class: 'timeline-meta' }, timeEl(e.at), by ? [' · ', by] : null),
      ),
      remove,
    );
  }

  // ---- logging
  async function log(input, toastKey) {
    try {
      const saved = await api.interactionsLog({ contact_id: contact.id, ...input });
      await load(false);
      showToast(toastKey, 'success', {
        label: 'card.undo',
        run: async () => {
          await api.interactionsDelete(saved.id);
          await load(false);
        },
      });
      return true;
    } catch (err) {
      banner.replaceChildren(errorBanner(err));
      localize(banner);
      return false;
    }
  }

  const menus = [];
  function quick(kind, direction) {
    const menu = h(
      'div',
      { class: 'quick-menu', id: `quick-${kind}`, role: 'menu', hidden: true },
      OUTCOMES[kind].map((o) =>
        h('button', {
          type: 'button', role: 'menuitem', class: 'quick-item', 'data-outcome': o, i18n: `card.outcome.${o}`,
          onclick: async () => {
            close();
            await log({ kind, direction, outcome: o }, `card.logged.${kind}`);
          },
        })),
    );
    const button = h(
      'button',
      { type: 'button', id: `log-${kind}`, class: 'btn btn-secondary', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menu.id },
      icon(KIND_ICONS[kind]),
      h('span', { i18n: `card.log.${kind}` }),
    );
    function close() {
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    }
    button.addEventListener('click', () => {
      const opening = menu.hidden;
      menus.forEach((m) => m.close());
      if (opening) {
        menu.hidden = false;
        button.setAttribute('aria-expanded', 'true');
        menu.querySelector('button')?.focus();
      }
    });
    menu.addEventListener('keydown', (ev) => {
      const items = [...menu.querySelectorAll('button')];
      const i = items.indexOf(document.activeElement);
      if (ev.key === 'Escape') {
        close();
        button.focus();
      } else if (ev.key === 'ArrowDown') {
        ev.preventDefault();
        items[(i + 1) % items.length].focus();
      } else if (ev.key === 'ArrowUp') {
        ev.preventDefault();
        items[(i - 1 + items.length) % items.length].focus();
      }
    });
    menus.push({ close, el: menu, button });
    return h('div', { class: 'quick-log-item' }, button, menu);
  }

  // A click elsewhere closes an open menu; the listener leaves with the card.
  const outside = (ev) => {
    if (!el.isConnected) {
      document.removeEventListener('click', outside);
      return;
    }
    for (const m of menus) if (!m.el.contains(ev.target) && !m.button.contains(ev.target)) m.close();
  };
  document.addEventListener('click', outside);

  // A fuller form: any kind, outcome, direction, text and time.
  const kindSelect = h('select', { name: 'kind', id: 'interaction-kind' }, KINDS.map((k) => h('option', { value: k, i18n: `card.kind.${k}` })));
  const outcomeSelect = h('select', { name: 'outcome', id: 'interaction-outcome' });
  const bodyInput = h('textarea', { name: 'body', id: 'interaction-body', rows: 3, dir: 'auto', i18nAttr: { placeholder: 'card.body_placeholder' } });
  const whenInput = h('input', { type: 'datetime-local', name: 'occurred_at', id: 'interaction-when' });
  function fillOutcomes() {
    const list = OUTCOMES[kindSelect.value] || [];
    outcomeSelect.replaceChildren(h('option', { value: '' }, '—'), ...list.map((o) => h('option', { value: o, i18n: `card.outcome.${o}` })));
    outcomeSelect.disabled = !list.length;
    localize(outcomeSelect);
  }
  kindSelect.addEventListener('change', fillOutcomes);
  const form = h(
    'form',
    { id: 'interaction-form', class: 'interaction-form', hidden: true },
    h('div', { class: 'interaction-row' },
      h('label', { class: 'field' }, h('span', { class: 'label', i18n: 'card.field.kind' }), kindSelect),
      h('label', { class: 'field' }, h('span', { class: 'label', i18n: 'card.field.outcome' }), outcomeSelect),
      h('label', { class: 'field' }, h('span', { class: 'label', i18n: 'card.field.when' }), whenInput)),
    h('label', { class: 'field' }, h('span', { class: 'label', i18n: 'card.field.body' }), bodyInput),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', id: 'interaction-save', class: 'btn btn-primary', i18n: 'common.save' }),
      h('button', { type: 'button', id: 'interaction-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => { form.hidden = true; } })),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const when = whenInput.value ? new Date(whenInput.value).toISOString() : undefined;
    const ok = await log({ kind: kindSelect.value, outcome: outcomeSelect.value, body: bodyInput.value, occurred_at: when }, `card.logged.${kindSelect.value}`);
    if (ok) {
      form.reset();
      fillOutcomes();
      form.hidden = true;
    }
  });
  const noteButton = h('button', {
    type: 'button', id: 'log-note', class: 'btn btn-ghost',
    onclick: () => {
      form.hidden = !form.hidden;
      if (!form.hidden) {
        kindSelect.value = 'note';
        fillOutcomes();
        bodyInput.focus();
      }
    },
  }, icon('note'), h('span', { i18n: 'card.log.note' }));

  const heading = h('h2', { class: 'card-title', id: 'contact-timeline-title' });
  setText(heading, 'card.timeline');
  const el = h(
    'section',
    { id: 'contact-timeline', class: 'card timeline-card', 'aria-labelledby': heading.id },
    h('div', { class: 'card-head' }, heading, canLog ? h('div', { class: 'quick-log', role: 'group', i18nAttr: { 'aria-label': 'card.quick_log' } }, quick('call', 'out'), quick('visit', 'in'), noteButton) : null),
    canLog ? form : null,
    banner,
    list,
    h('div', { class: 'load-more' }, more),
  );
  fillOutcomes();
  load(false);
  return { el, reload: () => load(false) };
}
