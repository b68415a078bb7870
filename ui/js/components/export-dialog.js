// <export-dialog kinds="quotes quote_lines">: export a list to .xlsx or .csv — the
// columns as a checklist in their order (select all / none, move up and down or drag),
// the file type, the period the records were added in, and the language of the sheet.
// <export-dialog everything>: every record type the user may read, one workbook.
// The choice per record type is remembered per user. The Rust command asks where to
// save and the core checks the rights; this is only the form.
// Ids: #export-dialog, #export-kind, #export-columns li[data-key] (input[type=checkbox],
// button[data-move=up|down]), #export-all, #export-none, #export-count,
// input[name=export-format], #export-from, #export-to, #export-lang, #export-run,
// #export-busy, #export-error, #export-result[data-path][data-rows], #export-open, #export-reveal.
import { append, clear, h, localize } from '../dom.js';
import { api } from '../api.js';
import { getLocale } from '../i18n.js';
import { state } from '../state.js';
import { showToast } from '../toast.js';
import { modal } from './dialogs.js';
import { errorBanner } from './error-banner.js';
import { icon } from './icons.js';
import { columnList } from './export-columns.js';

const memoryKey = (kind) => `maarid.export.${state.me?.user?.id}.${kind}`;

function remembered(kind) {
  try {
    const v = JSON.parse(localStorage.getItem(memoryKey(kind)) || 'null');
    if (v && Array.isArray(v.order) && Array.isArray(v.ticked)) return v;
  } catch { /* a damaged preference falls back to the defaults */ }
  return null;
}

// The date range is not remembered: a forgotten period would quietly shorten the next export.
function remember(kind, choice) {
  localStorage.setItem(memoryKey(kind), JSON.stringify(choice));
}

function field(labelKey, control) {
  return h('div', { class: 'field' }, h('label', { for: control.id, i18n: labelKey }), control);
}

class ExportDialog extends HTMLElement {
  connectedCallback() {
    if (this.dialog) return;
    this.everything = this.hasAttribute('everything');
    this.kinds = (this.getAttribute('kinds') || '').split(/\s+/).filter(Boolean);
    this.build();
  }

  build() {
    const kind = h('select', { id: 'export-kind', name: 'export-kind' }, this.kinds.map((k) => h('option', { value: k, i18n: `exp.kind.${k}` })));
    kind.addEventListener('change', () => this.load(kind.value));
    this.kindSelect = kind;
    this.columns = columnList({ onChange: () => this.sync() });
    const formats = ['xlsx', 'csv'].map((f) =>
      h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'export-format', value: f }), h('span', { i18n: `exp.format.${f}` })),
    );
    this.from = h('input', { type: 'date', id: 'export-from', name: 'export-from' });
    this.to = h('input', { type: 'date', id: 'export-to', name: 'export-to' });
    // The picker offers no end before the start (the Rust side refuses one anyway).
    this.from.addEventListener('change', () => (this.to.min = this.from.value));
    this.langSelect = h('select', { id: 'export-lang', name: 'export-lang' }, ['ar', 'en'].map((l) => h('option', { value: l, i18n: `exp.lang.${l}` })));
    this.banner = h('div', { id: 'export-error', class: 'banner-slot' });
    this.busy = h('p', { id: 'export-busy', class: 'export-busy', role: 'status', hidden: true }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'exp.busy' }));
    this.result = h('section', { id: 'export-result', class: 'export-result', role: 'status', hidden: true });
    this.run = h('button', { type: 'button', id: 'export-run', class: 'btn btn-primary', onclick: () => this.start() }, icon('export'), h('span', { i18n: 'exp.run' }));
    const close = h('button', { type: 'button', class: 'btn btn-secondary', i18n: 'common.close', onclick: () => this.dialog.close() });

    // One fieldset around the choices: disabling it while the file is written leaves
    // each control's own state (the arrows at the ends) as it was.
    this.form = this.everything
      ? h('fieldset', { class: 'export-form' }, h('p', { class: 'note', i18n: 'exp.everything_intro' }), field('exp.lang.label', this.langSelect))
      : h(
          'fieldset',
          { class: 'export-form' },
          this.kinds.length > 1 ? field('exp.what', kind) : null,
          this.columns.el,
          h(
            'div',
            { class: 'export-options' },
            h('div', { class: 'export-options-main' }, h('fieldset', { class: 'radio-group' }, h('legend', { i18n: 'exp.format.label' }), formats), field('exp.lang.label', this.langSelect)),
            h(
              'fieldset',
              { class: 'export-range' },
              h('legend', { i18n: 'exp.range.label' }),
              field('exp.range.from', this.from),
              field('exp.range.to', this.to),
              h('small', { class: 'muted', i18n: 'exp.range.hint' }),
            ),
          ),
        );
    // The result goes first, where the eye is after the save dialog, above the choices
    // (kept for another export); the buttons stay in view below the part that scrolls.
    const body = h(
      'div',
      null,
      h('div', { class: 'modal-body export-body' }, this.result, this.form, this.banner, this.busy),
      h('div', { class: 'modal-actions export-actions' }, this.run, close),
    );
    this.dialog = modal({ id: this.everything ? 'export-everything-dialog' : 'export-dialog', title: this.everything ? 'exp.everything_title' : 'exp.title', body, wide: !this.everything });
    this.append(this.dialog);
  }

  /** Shows the dialog with the remembered (or default) choice for the first kind. */
  async open() {
    this.banner.replaceChildren();
    this.result.hidden = true;
    delete this.result.dataset.path;
    this.langSelect.value = getLocale();
    localize(this.dialog);
    this.dialog.showModal();
    if (this.everything) {
      const saved = remembered('everything');
      if (saved?.lang) this.langSelect.value = saved.lang;
      this.run.focus();
      return;
    }
    await this.load(this.kindSelect.value || this.kinds[0]);
  }

  async load(kind) {
    this.kind = kind;
    this.run.disabled = true;
    this.banner.replaceChildren();
    try {
      const columns = await api.exportColumns(kind);
      if (this.kind !== kind) return;
      const saved = remembered(kind);
      this.columns.fill(columns, saved);
      const format = saved?.format === 'csv' ? 'csv' : 'xlsx';
      this.dialog.querySelector(`input[name=export-format][value=${format}]`).checked = true;
      this.langSelect.value = saved?.lang || getLocale();
    } catch (err) {
      this.columns.fill([], null);
      this.showError(err);
    }
    localize(this.dialog);
    this.sync();
    if (!this.run.disabled) this.run.focus();
  }

  sync() {
    if (!this.everything) this.run.disabled = this.columns.chosen().length === 0;
  }

  showError(err) {
    this.banner.replaceChildren(errorBanner(err));
    localize(this.banner);
  }

  setBusy(on) {
    this.busy.hidden = !on;
    this.form.disabled = on;
    this.run.disabled = on;
    if (!on) this.sync();
  }

  async start() {
    this.banner.replaceChildren();
    this.result.hidden = true;
    const lang = this.langSelect.value;
    let call;
    if (this.everything) {
      remember('everything', { order: [], ticked: [], lang });
      call = () => api.exportEverything(lang);
    } else {
      const columns = this.columns.chosen();
      const format = this.dialog.querySelector('input[name=export-format]:checked')?.value || 'xlsx';
      remember(this.kind, { order: this.columns.order(), ticked: columns, format, lang });
      const request = { kind: this.kind, columns, lang, from: this.from.value || null, to: this.to.value || null };
      call = () => api.exportRun(request, format);
    }
    this.setBusy(true);
    try {
      const summary = await call();
      if (summary) this.showResult(summary);
    } catch (err) {
      this.showError(err);
    } finally {
      this.setBusy(false);
    }
  }

  showResult(summary) {
    const path = summary.path;
    const n = summary.rows;
    this.result.dataset.path = path;
    this.result.dataset.rows = String(n);
    const reveal = (action) => async () => {
      try {
        const opened = await api.exportReveal(path, action);
        if (!opened) showToast('exp.not_opened', 'info');
      } catch (err) {
        this.showError(err);
      }
    };
    // Several sheets (export everything): their names, in the file's language.
    const sheets = summary.tables.length > 1 ? h('p', { class: 'muted', i18n: ['exp.sheets', { names: summary.tables.map((s) => s.name).join(' · ') }] }) : null;
    append(clear(this.result), [
      h('p', { class: 'export-result-text' }, icon('check'), h('span', { i18n: ['exp.done', { n }] })),
      h('p', { class: 'export-path' }, h('bdi', { id: 'export-path', dir: 'ltr' }, path)),
      sheets,
      h(
        'div',
        { class: 'export-result-actions' },
        h('button', { type: 'button', id: 'export-open', class: 'btn btn-secondary btn-sm', onclick: reveal('open') }, icon('export'), h('span', { i18n: 'exp.open' })),
        h('button', { type: 'button', id: 'export-reveal', class: 'btn btn-ghost btn-sm', onclick: reveal('folder') }, icon('folder'), h('span', { i18n: 'exp.folder' })),
      ),
    ]);
    this.result.hidden = false;
    localize(this.result);
    this.result.parentElement.scrollTop = 0; // the result is first: show it
    showToast(['exp.toast', { n }], 'success', { label: 'exp.open', run: reveal('open') });
    this.result.querySelector('#export-open').focus();
  }
}

customElements.define('export-dialog', ExportDialog);

/**
 * The "Export" button of a list and its dialog: put both in the view.
 * kinds: the record types it offers, the first chosen at first (e.g. ['quotes', 'quote_lines']).
 */
export function exportControl(kinds) {
  const dialog = h('export-dialog', { kinds: kinds.join(' ') });
  const button = h(
    'button',
    { type: 'button', id: 'export-button', class: 'btn btn-secondary', i18nAttr: { title: 'exp.button_label' }, onclick: () => dialog.open() },
    icon('export'),
    h('span', { i18n: 'exp.button' }),
  );
  return { button, dialog };
}

/** "Export everything": the button and its dialog. */
export function exportEverythingControl() {
  const dialog = h('export-dialog', { everything: true });
  const button = h('button', { type: 'button', id: 'export-everything', class: 'btn btn-secondary', onclick: () => dialog.open() }, icon('export'), h('span', { i18n: 'exp.everything' }));
  return { button, dialog };
}
