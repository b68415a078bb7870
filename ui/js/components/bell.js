// The notification center in the top bar: #notify-bell (its count of new ones in
// #notify-count) opens #notify-panel, the list of what was raised in this run of the
// app (li[data-notification-id] > button.notify-item opens the record). The Rust loop
// sends "notify:shown" for each notification it raises and "notify:open" when one is
// clicked on the desktop.
import { h, localize, setText, timeEl } from '../dom.js';
import { state } from '../state.js';
import { formatNumber } from '../format.js';
import { go } from '../session.js';
import { icon } from './icons.js';
import { rem, recordPath } from '../reminders.js';

/** Opens what a notification is about; a group (no record) opens the list. */
export function openNotification(ref) {
  const path = recordPath(ref);
  if (path) go(path);
  else document.getElementById('notify-bell')?.click();
}

function item(n) {
  return h(
    'li',
    { 'data-notification-id': String(n.id) },
    h(
      'button',
      { type: 'button', class: 'notify-item', onclick: () => {
        close();
        openNotification(n.open);
      } },
      h('span', { class: 'notify-icon' }, icon(n.count > 1 ? 'list' : 'bell')),
      h('span', { class: 'notify-text' }, h('bdi', { class: 'notify-title' }, n.title), h('span', { class: 'notify-body' }, h('bdi', null, n.body)), timeEl(n.at)),
    ),
  );
}

function close() {
  const panel = document.getElementById('notify-panel');
  if (panel) panel.hidden = true;
  document.getElementById('notify-bell')?.setAttribute('aria-expanded', 'false');
}

function showCount(unread) {
  const badge = document.getElementById('notify-count');
  const bell = document.getElementById('notify-bell');
  if (!badge || !bell) return;
  badge.hidden = unread === 0;
  badge.dataset.num = String(unread);
  badge.textContent = formatNumber(unread);
  bell.dataset.unread = String(unread);
  setText(bell.querySelector('.sr-only'), ['rem.bell.unread', { n: unread }]);
}

export async function refreshBell() {
  if (!state.me) return;
  try {
    showCount((await rem.recent(false)).unread);
  } catch {
    // The bell is a convenience; the notifications themselves were shown already.
  }
}

/** The bell button and its panel, for the top bar. */
export function bell() {
  const list = h('ul', { class: 'notify-list' });
  const panel = h(
    'div',
    { id: 'notify-panel', class: 'notify-panel card', hidden: true, role: 'region', i18nAttr: { 'aria-label': 'rem.bell.title' } },
    h('div', { class: 'notify-head' }, h('h2', { i18n: 'rem.bell.title' }), h('a', { href: '#/reminders', class: 'btn btn-ghost btn-sm', onclick: close, i18n: 'rem.bell.all_reminders' })),
    list,
  );
  const button = h(
    'button',
    { type: 'button', id: 'notify-bell', class: 'btn btn-ghost bell', 'aria-expanded': 'false', 'aria-controls': panel.id, i18nAttr: { title: 'rem.bell.label' } },
    icon('bell'),
    h('span', { class: 'sr-only', i18n: ['rem.bell.unread', { n: 0 }] }),
    h('span', { id: 'notify-count', class: 'bell-count', hidden: true }),
  );
  button.addEventListener('click', async () => {
    if (!panel.hidden) return close();
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    try {
      const { items } = await rem.recent(true);
      list.replaceChildren(...(items.length ? items.map(item) : [h('li', { class: 'notify-empty muted', i18n: 'rem.bell.empty' })]));
      showCount(0);
    } catch {
      list.replaceChildren(h('li', { class: 'notify-empty muted', i18n: 'rem.bell.empty' }));
    }
    localize(panel);
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      close();
      button.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!panel.hidden && !e.target.closest('#notify-panel, #notify-bell')) close();
  });
  queueMicrotask(refreshBell);
  return h('div', { class: 'bell-wrap' }, button, panel);
}

// Once per page: the desktop loop's events.
const events = window.__TAURI__?.event;
if (events) {
  events.listen('notify:shown', () => refreshBell());
  events.listen('notify:open', (e) => openNotification(e.payload));
}
