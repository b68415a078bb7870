// One inquiry (#/inquiries/<id>): contact, items, status moves, approval, follow-ups,
// lost reason, history.
// Element ids for tests:
//   #inquiry-back, #inquiry-number (h1), #inquiry-status[data-status], #inquiry-approved
//   #inquiry-contact-link (→ #/contacts/<id>), #inquiry-items li[data-product-id]
//   actions: #inquiry-edit, #inquiry-approve, #inquiry-make-quote (approved inquiries still
//            running → #/quotations/new?inquiry=<id>), #inquiry-cancel
//   #inquiry-status-actions button[data-status=<contacted|replied|quoted|won|lost>] — only
//            the moves allowed from the current status; lost opens #lost-dialog
//            (#lost-reason, #lost-reason-other, #lost-competitor, #lost-save)
//   follow-up: #inquiry-follow-up form (#follow-kind, #follow-direction, #follow-outcome,
//            #follow-body, #follow-next, #follow-save)
//   #inquiry-communications li[data-kind], #inquiry-history li[data-event][data-status]
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { can, scope, state } from '../state.js';
import { go } from '../session.js';
import { formatMoney } from '../format.js';
import { showToast } from '../toast.js';
import { t } from '../i18n.js';
import { field, markInvalid, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { addReminderButton } from '../components/reminder-dialog.js';
import { confirmDialog, modal } from '../components/dialogs.js';
import { printDialog } from '../components/print-dialog.js';
import { OUTCOMES } from '../components/timeline.js';
import { inquiryDialog } from '../components/inquiry-dialog.js';
import { newTaskButton } from '../components/task-button.js';
import { loadDirectory } from '../contacts.js';
import { CLOSED, EDITABLE, INQ_CHANNELS, LOST_REASONS, dayInstant, lostReason, statusBadge } from '../sales.js';

const FOLLOW_KINDS = ['call', 'visit', 'message', 'email', 'note'];
const DEFAULT_DIRECTION = { call: 'out', visit: 'in', message: 'out', email: 'out', note: '' };
const CHANGED = ['contact', 'channel', 'budget', 'notes', 'owner', 'follow_up_on', 'items'];
const MOVE_ICONS = { contacted: 'phone', replied: 'message', quoted: 'quotations', won: 'check', lost: 'close' };

/** Whether the user may `action` this inquiry: scope "all", or "own" and theirs. */
function may(action, inq) {
  const s = scope('inquiry', action);
  if (s === 'all') return true;
  return s === 'own' && Boolean(inq?.owner_id) && inq.owner_id === state.me?.user?.id;
}

function fact(labelKey, name, value) {
  const empty = value == null || value === '' || (Array.isArray(value) && !value.length);
  return [h('dt', { i18n: labelKey }), h('dd', { 'data-field': name }, empty ? h('span', { class: 'muted' }, '—') : value)];
}

/** A history entry's detail in words. */
function eventDetail(e) {
  if (!e.detail) return null;
  if (e.event === 'created' && INQ_CHANNELS.includes(e.detail)) return h('span', { i18n: `inq.channel.${e.detail}` });
  if (e.event === 'follow_up') {
    const [kind, outcome] = e.detail.split(':');
    return [h('span', { i18n: `card.kind.${kind}` }), outcome ? [' · ', h('span', { i18n: `card.outcome.${outcome}` })] : null];
  }
  if (e.event === 'updated') {
    const names = e.detail.split(',').map((f) => (CHANGED.includes(f) ? h('span', { i18n: `inq.changed.${f}` }) : h('code', null, f)));
    return h('span', { class: 'muted' }, names.map((n, i) => [i ? '، ' : '', n]));
  }
  if (e.status === 'lost' || LOST_REASONS.includes(e.detail)) return lostReason(e.detail);
  return h('bdi', { dir: 'auto' }, e.detail);
}

export async function renderInquiry(view, id) {
  const back = h('a', { href: '#/inquiries', id: 'inquiry-back', class: 'back-link' }, icon('back', { flip: true }), h('span', { i18n: 'inq.detail.back' }));
  let d;
  let directory;
  try {
    [d, directory] = await Promise.all([api.inquiriesGet(id), loadDirectory()]);
  } catch (err) {
    view.replaceChildren(back, h('div', { class: 'page-header' }, h('h1', { i18n: 'inq.detail.title' })), errorBanner(err));
    return;
  }

  const banner = h('div', { class: 'banner-slot' });
  const content = h('div', { class: 'inquiry-page' });
  const editor = inquiryDialog({
    directory,
    onSaved: (saved) => {
      d = saved;
      draw();
    },
  });

  // ---- the lost dialog
  const lostError = formErrorArea('lost-form-error');
  const reasonSelect = h('select', { id: 'lost-reason', name: 'lost_reason' }, h('option', { value: '' }, '—'), LOST_REASONS.filter((r) => r !== 'no_response').map((r) => h('option', { value: r, i18n: `inq.lost_reason.${r}` })));
  const reasonOther = h('input', { type: 'text', id: 'lost-reason-other', name: 'lost_reason_other', dir: 'auto', maxlength: 500, autocomplete: 'off', hidden: true, i18nAttr: { placeholder: 'inq.lost.other', 'aria-label': 'inq.lost.other' } });
  const competitor = field({ name: 'competitor', id: 'lost-competitor', label: 'inq.lost.competitor', dir: 'auto', attrs: { maxlength: 200, autocomplete: 'off' } });
  const lostForm = h(
    'form',
    { id: 'lost-form', class: 'modal-body', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: reasonSelect.id, i18n: 'inq.lost.reason' }), reasonSelect, reasonOther),
    competitor,
    lostError,
    h('div', { class: 'modal-actions' },
      h('button', { type: 'submit', id: 'lost-save', class: 'btn btn-danger', i18n: 'inq.lost.confirm' }),
      h('button', { type: 'button', id: 'lost-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => lostDialog.close() })),
  );
  const lostDialog = modal({ id: 'lost-dialog', title: 'inq.lost.title', body: lostForm });
  reasonSelect.addEventListener('change', () => {
    reasonOther.hidden = reasonSelect.value !== 'other';
    if (!reasonOther.hidden) reasonOther.focus();
  });
  lostForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(lostForm);
    const reason = reasonSelect.value === 'other' ? reasonOther.value.trim() || 'other' : reasonSelect.value;
    if (!reason) {
      markInvalid(reasonSelect, 'inq.lost.reason_required');
      reasonSelect.focus();
      return;
    }
    try {
      d = await api.inquiriesSetStatus(d.id, { status: 'lost', lost_reason: reason, competitor: lostForm.elements.competitor.value.trim() });
      lostDialog.close();
      showToast(['inq.toast.status', { status: t('inq.status.lost') }]);
      draw();
    } catch (err) {
      applyServerError(lostForm, err, lostError, { lost_reason: 'lost_reason' });
    }
  });

  const printer = printDialog();
  view.replaceChildren(back, banner, content, ...editor.dialogs, lostDialog, printer.dialog);

  function fail(err) {
    banner.replaceChildren(errorBanner(err));
    localize(banner);
  }

  async function act(run, toast) {
    banner.replaceChildren();
    try {
      d = await run();
      if (toast) showToast(toast);
      draw();
    } catch (err) {
      fail(err);
    }
  }

  function move(status) {
    if (status === 'lost') {
      lostForm.reset();
      clearErrors(lostForm);
      reasonOther.hidden = true;
      localize(lostDialog);
      lostDialog.showModal();
      reasonSelect.focus();
      return;
    }
    act(() => api.inquiriesSetStatus(d.id, { status }), ['inq.toast.status', { status: t(`inq.status.${status}`) }]);
  }

  async function cancelInquiry() {
    const ok = await confirmDialog({ title: 'inq.cancel_title', message: ['inq.cancel_confirm', { number: d.number }], confirm: 'inq.action.cancel', danger: true });
    if (ok) act(() => api.inquiriesCancel(d.id), 'inq.toast.cancelled');
  }

  function followUpForm() {
    const kind = h('select', { id: 'follow-kind', name: 'kind' }, FOLLOW_KINDS.map((k) => h('option', { value: k, i18n: `card.kind.${k}` })));
    const direction = h('select', { id: 'follow-direction', name: 'direction' },
      h('option', { value: '', i18n: 'inq.follow.none' }),
      h('option', { value: 'out', i18n: 'inq.follow.out' }),
      h('option', { value: 'in', i18n: 'inq.follow.in' }));
    const outcome = h('select', { id: 'follow-outcome', name: 'outcome' });
    const body = h('textarea', { id: 'follow-body', name: 'body', rows: 2, dir: 'auto', i18nAttr: { placeholder: 'inq.follow.body_placeholder' } });
    const next = h('input', { type: 'date', id: 'follow-next', name: 'next_follow_up_on' });
    const err = formErrorArea('follow-form-error');
    function fillOutcomes() {
      const list = OUTCOMES[kind.value] || [];
      outcome.replaceChildren(h('option', { value: '' }, '—'), ...list.map((o) => h('option', { value: o, i18n: `card.outcome.${o}` })));
      outcome.disabled = !list.length;
      direction.value = DEFAULT_DIRECTION[kind.value] ?? '';
      localize(outcome);
    }
    kind.addEventListener('change', fillOutcomes);
    const label = (control, key) => h('label', { class: 'field' }, h('span', { class: 'label', i18n: key }), control);
    const form = h(
      'form',
      { id: 'inquiry-follow-up', class: 'card follow-card', novalidate: true, 'aria-labelledby': 'follow-title' },
      h('h2', { class: 'card-title', id: 'follow-title', i18n: 'inq.follow.title' }),
      h('div', { class: 'interaction-row follow-row' }, label(kind, 'inq.follow.kind'), label(direction, 'inq.follow.direction'), label(outcome, 'inq.follow.outcome'), label(next, 'inq.follow.next')),
      label(body, 'inq.follow.body'),
      err,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'follow-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'inq.follow.save' }))),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      try {
        d = await api.inquiriesFollowUp(d.id, {
          kind: kind.value,
          direction: direction.value || null,
          outcome: outcome.value,
          body: body.value,
          next_follow_up_on: next.value || null,
        });
        showToast('inq.follow.done');
        draw();
        document.getElementById('follow-kind')?.focus();
      } catch (error) {
        applyServerError(form, error, err, { follow_up_on: 'next_follow_up_on' });
      }
    });
    fillOutcomes();
    next.value = d.follow_up_on || '';
    return form;
  }

  function draw() {
    const closed = CLOSED.includes(d.status);
    const canWrite = may('write', d);
    const actions = [];
    if (canWrite && EDITABLE.includes(d.status)) {
      actions.push(h('button', { type: 'button', id: 'inquiry-edit', class: 'btn btn-secondary', onclick: () => editor.open(d) }, icon('edit'), h('span', { i18n: 'inq.action.edit' })));
    }
    if (!d.approved_at && !closed && may('submit', d)) {
      actions.push(h('button', { type: 'button', id: 'inquiry-approve', class: 'btn btn-primary', onclick: () => act(() => api.inquiriesApprove(d.id), 'inq.toast.approved') }, icon('roles'), h('span', { i18n: 'inq.action.approve' })));
    }
    if (d.approved_at && !closed && can('quotation', 'create')) {
      // The quotation screens are their own module; they read ?inquiry= to start from this one.
      actions.push(h('button', { type: 'button', id: 'inquiry-make-quote', class: 'btn btn-accent', 'data-inquiry-id': d.id, onclick: () => go(`quotations/new?inquiry=${encodeURIComponent(d.id)}`) }, icon('quotations'), h('span', { i18n: 'inq.action.make_quote' })));
    }
    actions.push(addReminderButton({ kind: 'inquiry', id: d.id }, d.number));
    actions.push(newTaskButton({ kind: 'inquiry', id: d.id }, d.number));
    actions.push(h('button', { type: 'button', id: 'inquiry-print', class: 'btn btn-secondary', onclick: () => printer.open('inquiry', d.id, d.number) }, icon('print'), h('span', { i18n: 'quote.print' })));
    if (d.next_statuses.includes('cancelled') && may('cancel', d)) {
      actions.push(h('button', { type: 'button', id: 'inquiry-cancel', class: 'btn btn-danger-ghost', onclick: cancelInquiry }, icon('close'), h('span', { i18n: 'inq.action.cancel' })));
    }
    const moves = canWrite ? d.next_statuses.filter((s) => s !== 'cancelled') : [];

    const hero = h(
      'header',
      { class: 'card inquiry-hero', 'data-inquiry-id': d.id, 'data-status': d.status },
      h(
        'div',
        { class: 'inquiry-title' },
        h('h1', { id: 'inquiry-number', tabindex: '-1' }, h('bdi', { dir: 'ltr' }, d.number)),
        h('div', { class: 'contact-meta' },
          h('span', { id: 'inquiry-status', 'data-status': d.status }, statusBadge(d.status)),
          d.approved_at ? h('span', { id: 'inquiry-approved', class: 'badge approved-badge', i18n: 'inq.approved' }) : h('span', { class: 'badge', 'data-status': 'pending', i18n: 'inq.not_approved' }),
          h('span', { class: 'muted' }, h('span', { i18n: `inq.channel.${d.channel}` }), ' · ', timeEl(d.created_at, 'date'))),
        h('p', { class: 'inquiry-contact' }, icon('contacts'), ' ', h('a', { id: 'inquiry-contact-link', href: `#/contacts/${encodeURIComponent(d.contact_id)}` }, h('bdi', null, d.contact_name || '—'))),
      ),
      actions.length ? h('div', { class: 'page-actions' }, actions) : null,
    );

    const movesBar = moves.length
      ? h('div', { id: 'inquiry-status-actions', class: 'card status-actions', role: 'group', 'aria-labelledby': 'move-label' },
          h('span', { id: 'move-label', class: 'move-label', i18n: 'inq.detail.move_to' }),
          moves.map((s) => h('button', { type: 'button', class: s === 'lost' ? 'btn btn-danger-ghost btn-sm' : 'btn btn-secondary btn-sm', 'data-status': s, onclick: () => move(s) },
            icon(MOVE_ICONS[s] || 'chevron'), h('span', { i18n: s === 'lost' ? 'inq.action.lost' : `inq.status.${s}` }))))
      : null;

    const items = h(
      'section',
      { class: 'card', 'aria-labelledby': 'inquiry-items-title' },
      h('h2', { class: 'card-title', id: 'inquiry-items-title', i18n: 'inq.detail.items' }),
      d.items.length
        ? h('ul', { id: 'inquiry-items', class: 'inquiry-items' }, d.items.map((it) => h('li', { 'data-product-id': it.product_id || '' },
            h('span', { class: 'item-icon', 'aria-hidden': 'true' }, icon(it.product_id ? 'catalog' : 'note')),
            h('span', { class: 'item-qty', dir: 'ltr', 'data-num': it.quantity }, it.quantity), ' × ',
            h('bdi', null, it.description),
            it.product_code ? h('span', { class: 'muted mono', dir: 'ltr' }, ` ${it.product_code}`) : null)))
        : h('p', { id: 'inquiry-items', class: 'muted', i18n: 'inq.detail.no_items' }),
    );

    const lost = d.status === 'lost'
      ? [fact('inq.detail.lost_reason', 'lost_reason', lostReason(d.lost_reason)), d.competitor ? fact('inq.detail.competitor', 'competitor', h('bdi', null, d.competitor)) : null]
      : null;
    const facts = h(
      'section',
      { class: 'card', 'aria-labelledby': 'inquiry-facts-title' },
      h('h2', { class: 'card-title', id: 'inquiry-facts-title', i18n: 'inq.detail.title' }),
      h('dl', { class: 'facts' },
        fact('inq.detail.budget', 'budget', d.budget ? formatMoney(d.budget, d.currency) : null),
        fact('inq.detail.owner', 'owner', d.owner_name ? h('bdi', null, d.owner_name) : null),
        fact('inq.detail.follow_up', 'follow_up_on', d.follow_up_on ? timeEl(dayInstant(d.follow_up_on), 'date') : null),
        fact('inq.detail.approval', 'approval', d.approved_at ? [h('span', { i18n: ['inq.detail.approved_by', { name: d.approved_by_name || '—' }] }), ' · ', timeEl(d.approved_at)] : h('span', { class: 'muted', i18n: 'inq.not_approved' })),
        lost),
      d.closed_automatically ? h('p', { class: 'note', i18n: 'inq.detail.closed_automatically' }) : null,
      d.notes ? [h('h3', { class: 'fact-heading', i18n: 'inq.detail.notes' }), h('p', { id: 'inquiry-notes', class: 'notes', dir: 'auto' }, d.notes)] : null,
    );

    const comms = h(
      'section',
      { class: 'card', 'aria-labelledby': 'inquiry-comms-title' },
      h('h2', { class: 'card-title', id: 'inquiry-comms-title', i18n: 'inq.detail.communications' }),
      d.communications.length
        ? h('ol', { id: 'inquiry-communications', class: 'timeline' }, d.communications.map((c) => h('li', { class: 'timeline-entry', 'data-kind': c.kind, 'data-id': c.id },
            h('span', { class: 'timeline-icon', 'aria-hidden': 'true' }, icon({ call: 'phone', visit: 'visit', email: 'mail', message: 'message' }[c.kind] || 'note')),
            h('div', { class: 'timeline-body' },
              h('p', { class: 'timeline-title' }, h('span', { i18n: `card.kind.${c.kind}` }), c.outcome ? [' · ', h('span', { i18n: `card.outcome.${c.outcome}` })] : null, c.direction ? [' · ', h('span', { i18n: `inq.follow.${c.direction}` })] : null),
              c.body ? h('p', { class: 'timeline-text', dir: 'auto' }, c.body) : null,
              h('p', { class: 'timeline-meta' }, timeEl(c.occurred_at))))))
        : h('p', { id: 'inquiry-communications', class: 'muted', i18n: 'inq.detail.no_communications' }),
    );

    const history = h(
      'section',
      { class: 'card', 'aria-labelledby': 'inquiry-history-title' },
      h('h2', { class: 'card-title', id: 'inquiry-history-title', i18n: 'inq.detail.history' }),
      h('ol', { id: 'inquiry-history', class: 'history' }, [...d.events].reverse().map((e) => h('li', { 'data-event': e.event, 'data-status': e.status || '' },
        h('span', { class: 'history-what' }, h('strong', { i18n: `inq.event.${e.event}` }), e.status ? [' ', h('span', { class: 'arrow', 'aria-hidden': 'true' }), ' ', h('span', { i18n: `inq.doc_status.${e.status}` })] : null),
        eventDetail(e) ? [' — ', eventDetail(e)] : null,
        h('span', { class: 'timeline-meta' }, ' · ', timeEl(e.at), e.actor_name ? [' · ', h('bdi', null, e.actor_name)] : null)))),
    );

    content.replaceChildren(
      hero,
      ...(movesBar ? [movesBar] : []),
      h('div', { class: 'contact-layout' },
        h('div', { class: 'contact-main' }, items, !closed && canWrite ? followUpForm() : null, comms),
        h('div', { class: 'contact-side' }, facts, history)),
    );
    localize(content);
  }

  draw();
}
