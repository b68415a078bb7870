// Settings → Notifications (#/settings/notifications, administrators): the time zone
// reminders are planned in, the morning hour, when a catch-up is grouped, and per kind
// whether it is muted and how many days ahead it warns.
// Element ids for tests: #notify-settings-form, #notify-time-zone, #notify-morning-hour,
// #notify-group-over, #notify-kinds tr[data-kind] (input[name=muted], input[name=lead_days]),
// #notify-settings-save.
import { h, localize, setText } from '../dom.js';
import { field, clearErrors, formErrorArea, applyServerError, markInvalid, intValue } from '../forms.js';
import { showToast } from '../toast.js';
import { icon } from '../components/icons.js';
import { rem } from '../reminders.js';

// Kinds with a date to warn ahead of; a reminder fires at its own time.
const WITH_LEAD = new Set(['quotation_expiry', 'inquiry_follow_up', 'task_due', 'document_expiry']);

export async function notifyTab(body, writable) {
  let current = await rem.settingsGet();
  const zones = h('datalist', { id: 'notify-zones' }, (Intl.supportedValuesOf?.('timeZone') || []).map((z) => h('option', { value: z })));
  const zone = field({ name: 'time_zone', id: 'notify-time-zone', label: 'rem.settings.time_zone', dir: 'ltr', attrs: { list: zones.id, autocomplete: 'off', spellcheck: 'false' } });
  const hour = field({ name: 'morning_hour', id: 'notify-morning-hour', label: 'rem.settings.morning_hour', type: 'number', dir: 'ltr', hint: 'rem.settings.morning_hour_hint', attrs: { min: 0, max: 23, class: 'num-input' } });
  const group = field({ name: 'group_over', id: 'notify-group-over', label: 'rem.settings.group_over', type: 'number', dir: 'ltr', hint: 'rem.settings.group_over_hint', attrs: { min: 1, max: 100, class: 'num-input' } });
  const zoneHint = h('p', { class: 'hint', id: 'notify-time-zone-hint' });
  zone.append(zoneHint);
  const tbody = h('tbody');
  const kinds = h(
    'table',
    { id: 'notify-kinds', class: 'data-table notify-kinds' },
    h('caption', { i18n: 'rem.settings.kinds' }),
    h('thead', null, h('tr', null, ['kind', 'muted', 'lead_days'].map((c) => h('th', { scope: 'col', i18n: `rem.settings.${c}` })))),
    tbody,
  );
  const error = formErrorArea('notify-settings-error');
  const save = writable ? h('button', { type: 'submit', id: 'notify-settings-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' })) : null;
  const form = h(
    'form',
    { id: 'notify-settings-form', class: 'card form-card', novalidate: true },
    h('p', { class: 'page-subtitle', i18n: 'rem.settings.intro' }),
    h('div', { class: 'grid-3' }, zone, hour, group),
    zones,
    h('div', { class: 'table-wrap' }, kinds),
    error,
    save ? h('div', { class: 'form-actions' }, save) : null,
  );

  function fill(s) {
    current = s;
    form.elements.time_zone.value = s.time_zone || '';
    form.elements.morning_hour.value = s.morning_hour;
    form.elements.group_over.value = s.group_over;
    setText(zoneHint, ['rem.settings.time_zone_hint', { zone: s.effective_time_zone }]);
    tbody.replaceChildren(
      ...s.kinds.map((k) =>
        h(
          'tr',
          { 'data-kind': k.kind },
          h('th', { scope: 'row', i18n: `rem.kind.${k.kind}` }),
          h('td', null, h('input', { type: 'checkbox', name: 'muted', checked: k.muted, i18nAttr: { 'aria-label': 'rem.settings.muted' } })),
          h('td', null, WITH_LEAD.has(k.kind) ? h('input', { type: 'number', name: 'lead_days', min: 0, max: 365, value: k.lead_days, dir: 'ltr', class: 'num-input', i18nAttr: { 'aria-label': 'rem.settings.lead_days' } }) : h('span', { class: 'muted' }, '—')),
        ),
      ),
    );
    form.querySelectorAll('input').forEach((i) => {
      i.disabled = !writable;
    });
    localize(form);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!writable) return;
    clearErrors(form);
    const num = (control) => {
      const n = intValue(control);
      if (Number.isNaN(n)) markInvalid(control, 'rem.validation.number');
      return n;
    };
    const input = {
      time_zone: form.elements.time_zone.value.trim() || null,
      morning_hour: num(form.elements.morning_hour),
      group_over: num(form.elements.group_over),
      kinds: [...tbody.querySelectorAll('tr[data-kind]')].map((tr) => {
        const lead = tr.querySelector('input[name=lead_days]');
        const before = current.kinds.find((k) => k.kind === tr.dataset.kind);
        return { kind: tr.dataset.kind, muted: tr.querySelector('input[name=muted]').checked, lead_days: lead ? num(lead) : before.lead_days };
      }),
    };
    const bad = form.querySelector('[aria-invalid=true]');
    if (bad) return bad.focus();
    save.disabled = true;
    try {
      fill(await rem.settingsUpdate(input));
      showToast('rem.settings.saved');
    } catch (err) {
      applyServerError(form, err, error);
    } finally {
      save.disabled = false;
    }
  });

  fill(current);
  body.replaceChildren(form);
}
