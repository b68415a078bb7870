// Reminders and notifications: the commands (docs/commands.md, "Reminders") and what
// the reminder views share: where a linked record opens, and local date-time values.
import { call } from './api.js';

export const rem = {
  // query: {assignee, status, all_statuses, link: {kind, id}, limit}
  list: (query = {}) => call('reminders_list', { query }),
  get: (id) => call('reminders_get', { id }),
  create: (input) => call('reminders_create', { input }),
  update: (id, input) => call('reminders_update', { id, input }),
  remove: (id) => call('reminders_delete', { id }),
  done: (id) => call('reminders_done', { id }),
  dismiss: (id) => call('reminders_dismiss', { id }),
  // how: {type: ten_minutes | one_hour | tomorrow_morning} or {type: 'until', until: RFC 3339}
  snooze: (id, how) => call('reminders_snooze', { id, how }),
  settingsGet: () => call('notification_settings_get'),
  settingsUpdate: (input) => call('notification_settings_update', { input }),
  // → {items: [{id, title, body, open, kind, count, at}], unread}; seen marks them read.
  recent: (seen = false) => call('notifications_recent', { seen }),
};

export const REPEATS = ['none', 'daily', 'weekly', 'monthly', 'yearly'];
// chrono's weekday names, in the order of a week that starts on Saturday (the region's).
export const WEEKDAYS = ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/** The route that shows a linked record ({kind, id}); null when it has no page. */
export function recordPath(ref) {
  if (!ref) return null;
  const id = encodeURIComponent(ref.id);
  switch (ref.kind) {
    case 'contact':
      return `contacts/${id}`;
    case 'inquiry':
      return `inquiries/${id}`;
    case 'quotation':
      return `quotations/${id}`;
    case 'reminder':
      return `reminders/${id}`;
    default:
      return null;
  }
}

const pad = (n) => String(n).padStart(2, '0');

/** A Date as the value of <input type=datetime-local> (local wall clock, minutes). */
export function localInputValue(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The backend's NaiveDateTime ("2026-12-01T09:00:00") for a datetime-local input;
 * seconds only when there are some, so saving unchanged keeps the same time. */
export function naiveToInput(s) {
  const v = String(s || '').slice(0, 19);
  return v.endsWith(':00') && v.length === 19 ? v.slice(0, 16) : v;
}

/** A datetime-local value as the backend's NaiveDateTime (seconds added when absent). */
export function inputToNaive(v) {
  return v.length === 16 ? `${v}:00` : v;
}
