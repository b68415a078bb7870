// Settings, in tabs: company profile, CRM/display/security, document numbering, and
// custom contact fields (that tab only for those who may write settings). Without
// settings/write the forms are shown read-only; the backend has the last word.
import { h, localize } from '../dom.js';
import { api } from '../api.js';
import { state, can } from '../state.js';
import { clearErrors, formErrorArea, applyServerError, markInvalid, showFormError } from '../forms.js';
import { applyDigits } from '../session.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { companyFields } from '../components/company-form.js';
import { settingsFields } from '../components/settings-form.js';
import { seriesTable } from '../components/series-table.js';
import { fieldsTab } from './fields.js';
import { exportEverythingControl } from '../components/export-dialog.js';
import { notifyTab } from './notify-settings.js';

// [key, icon, shown only to those who may write settings]
const TABS = [
  ['company', 'building', false],
  ['crm', 'sliders', false],
  ['numbering', 'hash', false],
  ['fields', 'list', true],
  ['notifications', 'bell', true],
];

function tabs(active, writable) {
  return h(
    'nav',
    { class: 'tabs', i18nAttr: { 'aria-label': 'settings.tabs_label' } },
    h(
      'ul',
      null,
      TABS.filter(([, , adminOnly]) => writable || !adminOnly).map(([key, iconName]) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `#/settings/${key}`, 'data-tab': key, class: 'tab', 'aria-current': key === active ? 'page' : null },
            icon(iconName),
            h('span', { i18n: `settings.tab.${key}` }),
          ),
        ),
      ),
    ),
  );
}

function readOnlyNote() {
  return h('p', { class: 'note', id: 'settings-readonly' }, icon('lock'), h('span', { i18n: 'settings.read_only' }));
}

/** A settings form in a card: fields, error area and a save button (if allowed). */
function formCard(id, fieldsRoot, writable) {
  const error = formErrorArea(`${id}-error`);
  const save = writable
    ? h('button', { type: 'submit', id: `${id.replace('-form', '')}-save`, class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }))
    : null;
  const form = h(
    'form',
    { id, class: 'card form-card', novalidate: true },
    writable ? null : readOnlyNote(),
    fieldsRoot,
    error,
    save ? h('div', { class: 'form-actions' }, save) : null,
  );
  return { form, error, save };
}

async function submitting(button, fn) {
  if (button) button.disabled = true;
  try {
    await fn();
  } finally {
    if (button) button.disabled = false;
  }
}

// One form tab: load, fill, validate in the browser, save, refill from what was saved.
function formTab(body, writable, { id, fields, load, save, saved, fieldMap }) {
  return load().then((record) => {
    fields.fill(record);
    const { form, error, save: button } = formCard(id, fields.root, writable);
    if (!writable) fields.setDisabled(true);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!writable) return;
      clearErrors(form);
      const bad = fields.validate();
      if (bad) {
        bad.focus();
        return;
      }
      submitting(button, async () => {
        try {
          const after = await save(fields.read());
          fields.fill(after);
          saved(after);
          showToast('toast.saved');
        } catch (err) {
          applyServerError(form, err, error, fieldMap);
        }
      });
    });
    body.replaceChildren(form);
  });
}

function companyTab(body, writable) {
  return formTab(body, writable, {
    id: 'company-form',
    fields: companyFields(),
    load: () => api.companyGet(),
    save: (input) => api.companyUpdate(input),
    saved: (company) => {
      state.company = company;
      document.dispatchEvent(new CustomEvent('maarid:company'));
    },
    fieldMap: { logo_data_url: 'logo' },
  });
}

function crmTab(body, writable) {
  return formTab(body, writable, {
    id: 'settings-form',
    fields: settingsFields(),
    load: () => api.settingsGet(),
    save: (input) => api.settingsUpdate(input),
    saved: (settings) => {
      state.settings = settings;
      applyDigits(settings.digits);
    },
  });
}

async function numberingTab(body, writable) {
  const list = await api.seriesList();
  const table = seriesTable();
  table.fill(list);
  const { form, error, save } = formCard('series-form', table.root, writable);
  if (!writable) table.setDisabled(true);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!writable) return;
    clearErrors(form);
    const bad = table.validate();
    if (bad) {
      bad.focus();
      return;
    }
    const changed = table.changed();
    if (!changed.length) {
      showToast('toast.no_changes', 'info');
      return;
    }
    submitting(save, async () => {
      for (const s of changed) {
        try {
          table.fill([await api.seriesUpdate(s)]);
        } catch (err) {
          // Mark the input in the row that failed; other rows already saved stay saved.
          const row = table.row(s.doc_type);
          const control = err.code === 'invalid_input' && err.field ? row.querySelector(`[name="${CSS.escape(err.field)}"]`) : null;
          if (control) {
            markInvalid(control, err);
            control.focus();
          } else {
            showFormError(error, err);
          }
          return;
        }
      }
      showToast('toast.saved');
    });
  });
  body.replaceChildren(form);
}

export async function renderSettings(view, tab) {
  const writable = can('settings', 'write');
  const body = h('div', { class: 'tab-panel' });
  const exporter = exportEverythingControl();
  view.replaceChildren(pageHeader('settings.title', 'settings.subtitle', exporter.button), tabs(tab, writable), body, exporter.dialog);
  try {
    if (tab === 'company') await companyTab(body, writable);
    else if (tab === 'crm') await crmTab(body, writable);
    else if (tab === 'fields') await fieldsTab(body, writable);
    else if (tab === 'notifications') await notifyTab(body, writable);
    else await numberingTab(body, writable);
  } catch (err) {
    body.replaceChildren(errorBanner(err));
  }
  localize(body);
}
