// Importing a spreadsheet (#/import): a wizard in four steps — file, columns, preview,
// import — above the list of imports done before. Every change of sheet, header row,
// mapping or option checks the whole file again (a dry run); nothing is written until
// "Import now", and then all at once. Ids for tests:
//   steps: .import-steps li[data-step][aria-current], #import-step-{file,map,preview,run}, #import-back, #import-next
//   file: #import-kind, #import-drop (drag and drop), #import-file (input), #import-file-name,
//         #import-sheet, #import-header-row
//   columns: #import-map select[data-column=N] (components/import-mapping.js), #import-profile,
//         #import-profile-name, #import-profile-save, #import-profile-delete, #import-date-order,
//         #import-date-detected, #import-duplicates
//   #import-counts [data-count=total|new|updated|duplicate|invalid][data-value], #import-error (banner)
//   preview: #import-preview tr[data-row][data-outcome] (components/import-preview.js)
//   progress: #import-busy[data-op=stage|check|run], #import-progress (<progress>), #import-cancel
//   run: #import-run, #import-result[data-batch-id][data-undone] with #import-result-counts,
//        #import-errors-open, #import-errors-save, #import-errors-file[data-path], #import-undo, #import-again
//   history: #import-history (components/import-history.js)
import { h, localize, setText } from '../dom.js';
import { api, localError } from '../api.js';
import { t } from '../i18n.js';
import { fileNameText } from '../format.js';
import { showToast } from '../toast.js';
import { pageHeader } from '../components/page.js';
import { errorBanner } from '../components/error-banner.js';
import { icon } from '../components/icons.js';
import { mappingTable } from '../components/import-mapping.js';
import { countsStrip, previewTable } from '../components/import-preview.js';
import { importHistory, undoBatch } from '../components/import-history.js';
import { exportEverythingControl } from '../components/export-dialog.js';

const KINDS = ['contacts', 'products', 'inquiries', 'quotes'];
const STEPS = ['file', 'map', 'preview', 'run'];
const ACCEPT = '.xlsx,.xlsm,.xls,.xlsb,.ods,.csv';
const MAX_BYTES = 200 * 1024 * 1024;
const RECHECK_MS = 300;

// One listener for the app's life; the import view on screen takes the events.
let progressSink = null;
let listening = false;
function listenProgress() {
  if (listening || !window.__TAURI__?.event?.listen) return;
  listening = true;
  window.__TAURI__.event.listen('import-progress', (e) => progressSink?.(e.payload));
}

function freshOptions(keep = {}) {
  return {
    sheet: null,
    header_row: null,
    mapping: null,
    profile: null,
    on_duplicate: keep.on_duplicate || 'skip',
    date_order: keep.date_order ?? null,
  };
}

function sameMapping(a, b) {
  const key = (m) => JSON.stringify([...m].map((x) => [x.column, x.field]).sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : 1)));
  return key(a) === key(b);
}

function field(labelKey, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id, i18n: labelKey }), control, hint || null);
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024
    ? ['imp.file.size_mb', { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 }]
    : ['imp.file.size_kb', { n: Math.max(1, Math.round(bytes / 1024)) }];
}

export async function renderImport(view) {
  listenProgress();
  const st = {
    kind: 'contacts',
    file: null, // {token, name, size}
    options: freshOptions(),
    report: null, // the last check's or run's report (trimmed)
    layout: null, // the sheet's shape when the check could not read rows
    step: 'file',
    busy: null, // stage | check | run
    result: null, // the run's report
    undone: false,
    profiles: [],
    seq: 0,
  };
  const opts = () => ({ kind: st.kind, ...st.options });
  let lastTable = ''; // what the mapping table shows (see renderTable)

  // ---- steps indicator and navigation
  const stepItems = STEPS.map((s, i) =>
    h('li', { 'data-step': s }, h('span', { class: 'import-step-no' }, String(i + 1)), h('span', { id: `import-step-label-${s}`, i18n: `imp.steps.${s}` })),
  );
  const stepsNav = h('ol', { class: 'import-steps', i18nAttr: { 'aria-label': 'imp.steps.label' } }, stepItems);
  const back = h('button', { type: 'button', id: 'import-back', class: 'btn btn-secondary' }, icon('back', { flip: true }), h('span', { i18n: 'imp.back' }));
  const next = h('button', { type: 'button', id: 'import-next', class: 'btn btn-primary' }, h('span', { i18n: 'imp.next' }), icon('chevron', { flip: true }));

  // ---- summary: the file, the counts, progress and errors
  const fileName = h('p', { id: 'import-file-name', class: 'import-file-name' });
  const counts = countsStrip('import-counts');
  const bar = h('progress', { id: 'import-progress', max: '100' });
  const busyText = h('span', { class: 'import-busy-text', role: 'status', 'aria-live': 'polite' });
  const cancel = h('button', { type: 'button', id: 'import-cancel', class: 'btn btn-secondary btn-sm' }, icon('x'), h('span', { i18n: 'imp.busy.cancel' }));
  const busy = h('div', { id: 'import-busy', class: 'import-busy', hidden: true }, h('label', { for: bar.id, class: 'sr-only', i18n: 'imp.busy.label' }), bar, busyText, cancel);
  const banner = h('div', { id: 'import-error', class: 'banner-slot', hidden: true });
  const summary = h('section', { class: 'card import-summary', hidden: true }, h('div', { class: 'import-summary-top' }, icon('import'), fileName, counts.el), busy);

  // ---- step 1: kind and file, sheet and header row
  const kind = h('select', { id: 'import-kind', name: 'kind' }, KINDS.map((k) => h('option', { value: k, i18n: `imp.kind.${k}` })));
  const input = h('input', { type: 'file', id: 'import-file', name: 'file', accept: ACCEPT, class: 'sr-only' });
  const drop = h(
    'label',
    { id: 'import-drop', class: 'import-drop', for: input.id },
    h('span', { class: 'import-drop-icon' }, icon('upload')),
    h('strong', { i18n: 'imp.file.drop' }),
    h('span', { class: 'muted', i18n: 'imp.file.or' }),
    h('span', { class: 'btn btn-secondary', i18n: 'imp.file.choose' }),
    h('small', { class: 'muted', i18n: 'imp.file.formats' }),
    input,
  );
  const sheet = h('select', { id: 'import-sheet', name: 'sheet' });
  const headerRow = h('input', { type: 'number', id: 'import-header-row', name: 'header_row', min: '1', step: '1', inputmode: 'numeric', dir: 'ltr' });
  const headerMissing = h('p', { class: 'note', i18n: 'imp.header_not_found', hidden: true });
  const sheetFields = h(
    'div',
    { class: 'import-sheet-fields', hidden: true },
    field('imp.sheet', sheet),
    field('imp.header_row', headerRow, h('small', { class: 'muted', i18n: 'imp.header_row_hint' })),
  );
  const stepFile = h('section', { id: 'import-step-file', tabindex: '-1', 'aria-labelledby': 'import-step-label-file', class: 'card stack' }, h('div', { class: 'import-kind-field' }, field('imp.kind.label', kind)), drop, headerMissing, sheetFields);

  // ---- step 2: the mapping and the options
  const table = mappingTable({
    onChange: (mapping) => {
      st.options.mapping = mapping;
      st.options.profile = null;
      profile.value = '';
      recheck();
    },
  });
  const profile = h('select', { id: 'import-profile', name: 'profile' });
  const profileDelete = h('button', { type: 'button', id: 'import-profile-delete', class: 'btn btn-ghost', disabled: true, i18nAttr: { 'aria-label': 'imp.profile.delete_label', title: 'imp.profile.delete_label' } }, icon('trash'), h('span', { i18n: 'imp.profile.delete' }));
  const profileName = h('input', { type: 'text', id: 'import-profile-name', name: 'profile_name', dir: 'auto', autocomplete: 'off', maxlength: '100', i18nAttr: { placeholder: 'imp.profile.name_placeholder' } });
  const profileSave = h('button', { type: 'button', id: 'import-profile-save', class: 'btn btn-secondary' }, icon('check'), h('span', { i18n: 'imp.profile.save' }));
  const dateOrder = h('select', { id: 'import-date-order', name: 'date_order' }, ['', 'dmy', 'mdy'].map((v) => h('option', { value: v, i18n: `imp.date_order.${v || 'auto'}` })));
  const dateDetected = h('small', { id: 'import-date-detected', class: 'muted' });
  const duplicates = h('select', { id: 'import-duplicates', name: 'on_duplicate' }, ['skip', 'update', 'create'].map((v) => h('option', { value: v, i18n: `imp.duplicates.${v}` })));
  const options = h(
    'div',
    { class: 'import-options' },
    h('div', { class: 'import-profile' }, field('imp.profile.label', profile), profileDelete),
    h('div', { class: 'import-profile' }, field('imp.profile.name', profileName), profileSave),
    field('imp.date_order.label', dateOrder, dateDetected),
    field('imp.duplicates.label', duplicates, h('small', { class: 'muted', i18n: 'imp.duplicates.hint' })),
  );
  const stepMap = h(
    'section',
    { id: 'import-step-map', tabindex: '-1', 'aria-labelledby': 'import-step-label-map', class: 'stack', hidden: true },
    h('div', { class: 'card stack' }, h('h2', { class: 'card-title', i18n: 'imp.map.title' }), h('p', { class: 'muted', i18n: 'imp.map.intro' }), options),
    table.el,
  );

  // ---- step 3: the preview
  const preview = previewTable();
  const stepPreview = h('section', { id: 'import-step-preview', tabindex: '-1', 'aria-labelledby': 'import-step-label-preview', class: 'stack', hidden: true }, h('p', { class: 'muted', i18n: 'imp.preview.intro' }), preview.el);

  // ---- step 4: the import and its result
  const ready = h('p', { class: 'import-ready' });
  const leftOut = h('p', { class: 'muted', hidden: true });
  const runButton = h('button', { type: 'button', id: 'import-run', class: 'btn btn-primary' }, icon('upload'), h('span', { i18n: 'imp.run.button' }));
  const runBox = h('div', { class: 'card stack', id: 'import-run-box' }, ready, leftOut, h('p', { class: 'note', i18n: 'imp.run.safe' }), h('div', null, runButton));
  const result = h('section', { id: 'import-result', class: 'card stack', hidden: true });
  const stepRun = h('section', { id: 'import-step-run', tabindex: '-1', 'aria-labelledby': 'import-step-label-run', class: 'stack', hidden: true }, runBox, result);

  const history = importHistory({ onUndone: (b) => markUndone(b.id) });
  const wizard = h('div', { class: 'import-wizard stack' }, stepsNav, summary, banner, stepFile, stepMap, stepPreview, stepRun, h('div', { class: 'import-nav' }, back, h('span', { class: 'spacer' }), next));
  // Taking data out sits beside bringing it in.
  const exporter = exportEverythingControl();
  view.replaceChildren(pageHeader('imp.title', 'imp.subtitle', exporter.button), h('div', { class: 'view-body stack-lg' }, wizard, history.el), exporter.dialog);

  // ---------------------------------------------------------------- behaviour

  function showError(err) {
    banner.replaceChildren(...(err ? [errorBanner(err)] : []));
    banner.hidden = !err;
    localize(banner);
  }

  function setBusy(op) {
    st.busy = op;
    busy.hidden = !op;
    if (op) {
      busy.dataset.op = op;
      bar.removeAttribute('value');
      setText(busyText, op === 'stage' ? 'imp.file.sending' : op === 'check' ? 'imp.checking' : 'imp.busy.read');
    } else delete busy.dataset.op;
    cancel.hidden = op === 'stage';
    syncControls();
  }

  progressSink = (p) => {
    if (!busy.isConnected || !st.busy || p.op !== st.busy) return;
    const run = p.op === 'run';
    let value = null;
    if (p.phase === 'check' && p.total) value = ((run ? 50 : 100) * p.done) / p.total;
    else if (p.phase === 'write' && p.total) value = 50 + (50 * p.done) / p.total;
    if (value == null) bar.removeAttribute('value');
    else bar.value = Math.round(value);
    setText(busyText, [`imp.busy.${p.phase}`, { done: p.done, total: p.total }]);
  };

  function shape() {
    return st.report || st.layout;
  }

  // Everything a check settles: the options it used become the starting point.
  function settle(from) {
    st.options.sheet = from.sheet;
    if (from.header_row) st.options.header_row = from.header_row;
    st.options.mapping = from.mapping;
    st.options.profile = null;
  }

  async function check() {
    if (!st.file) return;
    const seq = ++st.seq;
    setBusy('check');
    try {
      const r = await api.importCheck(st.file.token, opts());
      if (seq !== st.seq) return;
      st.report = r;
      st.layout = null;
      settle(r);
      showError(null);
    } catch (err) {
      if (seq !== st.seq) return;
      st.report = null;
      st.layout = err.details?.layout || null;
      if (st.layout) settle(st.layout);
      showError(err);
    } finally {
      if (seq === st.seq) setBusy(null);
    }
    render();
  }

  let timer = null;
  function recheck() {
    clearTimeout(timer);
    st.report = null;
    syncControls();
    timer = setTimeout(check, RECHECK_MS);
  }

  async function loadProfiles() {
    try {
      st.profiles = await api.importProfiles(st.kind);
    } catch {
      st.profiles = []; // the mapping works without them
    }
    const chosen = profile.value;
    profile.replaceChildren(h('option', { value: '', i18n: 'imp.profile.none' }), ...st.profiles.map((p) => h('option', { value: p.name, dir: 'auto' }, p.name)));
    profile.value = st.profiles.some((p) => p.name === chosen) ? chosen : '';
    profileDelete.disabled = !profile.value;
    localize(profile);
  }

  async function stage(file) {
    showError(null);
    if (file.size > MAX_BYTES) {
      showError(localError('import_file_too_large', 'imp.file.too_large'));
      return;
    }
    st.seq += 1; // answers to checks of the file before are dropped
    setBusy('stage');
    summary.hidden = false;
    fileName.replaceChildren(h('bdi', null, fileNameText(file.name)));
    try {
      st.file = await api.importStage(file);
    } catch (err) {
      setBusy(null);
      showError(err);
      return;
    }
    st.options = freshOptions(st.options);
    st.report = null;
    st.layout = null;
    st.result = null;
    st.undone = false;
    lastTable = '';
    setBusy(null);
    await check();
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) stage(file);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const file = e.dataTransfer?.files?.[0];
    if (file) stage(file);
  });

  kind.addEventListener('change', async () => {
    st.kind = kind.value;
    st.options = freshOptions(st.options);
    lastTable = '';
    await loadProfiles();
    if (st.file) recheck();
  });
  sheet.addEventListener('change', () => {
    st.options.sheet = sheet.value;
    st.options.header_row = null;
    st.options.mapping = null;
    lastTable = '';
    recheck();
  });
  headerRow.addEventListener('input', () => {
    const n = Number(headerRow.value);
    if (!Number.isInteger(n) || n < 1) return;
    st.options.header_row = n;
    st.options.mapping = null;
    lastTable = '';
    recheck();
  });
  profile.addEventListener('change', () => {
    profileDelete.disabled = !profile.value;
    const p = st.profiles.find((x) => x.name === profile.value);
    if (!p) return;
    st.options.profile = p.name;
    st.options.mapping = null;
    if (p.date_order) st.options.date_order = p.date_order;
    if (p.on_duplicate) st.options.on_duplicate = p.on_duplicate;
    profileName.value = p.name;
    lastTable = '';
    showToast(['imp.profile.applied', { name: p.name }]);
    recheck();
  });
  profileSave.addEventListener('click', async () => {
    if (!st.file) return;
    profileSave.disabled = true;
    try {
      const saved = await api.importProfileSave(st.kind, profileName.value, st.file.token, opts());
      await loadProfiles();
      profile.value = saved.name;
      profileDelete.disabled = false;
      showError(null);
      showToast(['imp.profile.saved', { name: saved.name }]);
    } catch (err) {
      showError(err);
    } finally {
      profileSave.disabled = false;
    }
  });
  profileDelete.addEventListener('click', async () => {
    const name = profile.value;
    if (!name) return;
    try {
      await api.importProfileDelete(st.kind, name);
      profile.value = '';
      await loadProfiles();
      showToast(['imp.profile.deleted', { name }]);
    } catch (err) {
      showError(err);
    }
  });
  dateOrder.addEventListener('change', () => {
    st.options.date_order = dateOrder.value || null;
    recheck();
  });
  duplicates.addEventListener('change', () => {
    st.options.on_duplicate = duplicates.value;
    recheck();
  });
  cancel.addEventListener('click', () => {
    api.importCancel().catch(() => {});
  });

  back.addEventListener('click', () => go(STEPS[STEPS.indexOf(st.step) - 1]));
  next.addEventListener('click', () => go(STEPS[STEPS.indexOf(st.step) + 1]));

  function go(step) {
    if (!step) return;
    st.step = step;
    render();
    // The new step starts at the top, and keyboard users start in it.
    const section = { file: stepFile, map: stepMap, preview: stepPreview, run: stepRun }[step];
    stepsNav.scrollIntoView({ block: 'start' });
    section.focus({ preventScroll: true });
  }

  runButton.addEventListener('click', async () => {
    if (!st.file || !st.report) return;
    showError(null);
    setBusy('run');
    try {
      const r = await api.importRun(st.file.token, opts());
      st.result = r;
      st.report = r;
      st.file = null; // the staged file is gone once its rows are saved
      st.undone = false;
      await history.refresh();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
    render();
  });

  function markUndone(batchId) {
    if (st.result?.batch_id === batchId) {
      st.undone = true;
      renderResult();
    }
  }

  // ---------------------------------------------------------------- drawing

  // Controls that depend on what is known and on work under way.
  function syncControls() {
    const idle = !st.busy;
    const i = STEPS.indexOf(st.step);
    back.disabled = i === 0 || !idle;
    back.hidden = Boolean(st.result);
    const canNext = {
      file: Boolean(shape()),
      map: Boolean(st.report),
      preview: Boolean(st.report),
      run: false,
    }[st.step];
    next.disabled = !idle || !canNext;
    next.hidden = st.step === 'run';
    const importable = (st.report?.counts.new ?? 0) + (st.report?.counts.updated ?? 0);
    runButton.disabled = !idle || !st.file || !st.report || importable === 0;
    for (const c of [kind, input, sheet, headerRow, profile, profileSave, dateOrder, duplicates]) c.disabled = st.busy === 'run' || st.busy === 'stage';
    profileDelete.disabled = !profile.value || st.busy === 'run';
    table.el.querySelectorAll('select').forEach((s) => (s.disabled = st.busy === 'run'));
  }

  function renderTable(s) {
    // Redrawn only when the sheet's columns change or the mapping is not the one on
    // screen, so the select just changed keeps its focus.
    const base = JSON.stringify([s.sheet, s.header_row, s.columns.map((c) => [c.header, c.samples]), s.fields.map((f) => [f.key, f.label, f.required])]);
    if (base === lastTable && sameMapping(table.mapping(), s.mapping)) return;
    lastTable = base;
    table.show(s.columns, s.fields, s.mapping);
  }

  function renderResult() {
    const r = st.result;
    result.hidden = !r;
    runBox.hidden = Boolean(r);
    if (!r) return;
    const left = r.counts.duplicate + r.counts.invalid;
    const strip = countsStrip('import-result-counts');
    strip.show(r.counts);
    const fileNote = h('p', { id: 'import-errors-file', class: 'note', hidden: true });
    const report = (action) => async () => {
      try {
        const out = await api.importErrorReport(action);
        if (!out) return; // the save dialog was closed
        const key = action === 'save' ? 'saved' : out.opened ? 'opened' : 'written';
        fileNote.dataset.path = out.path;
        setText(fileNote, [`imp.result.errors_${key}`, { path: out.path }]);
        fileNote.hidden = false;
      } catch (err) {
        showError(err);
      }
    };
    const undo = h('button', { type: 'button', id: 'import-undo', class: 'btn btn-danger-ghost', hidden: st.undone }, icon('undo'), h('span', { i18n: 'imp.result.undo' }));
    undo.addEventListener('click', async () => {
      const done = await undoBatch({ id: r.batch_id, file_name: r.file_name, created: r.counts.new, updated: r.counts.updated }, showError);
      if (done) {
        st.undone = true;
        await history.refresh();
        renderResult();
      }
    });
    const again = h('button', { type: 'button', id: 'import-again', class: 'btn btn-secondary' }, icon('plus'), h('span', { i18n: 'imp.result.again' }));
    again.addEventListener('click', () => {
      Object.assign(st, { file: null, report: null, layout: null, result: null, undone: false, step: 'file', options: freshOptions(st.options) });
      lastTable = '';
      summary.hidden = true;
      showError(null);
      render();
    });
    result.dataset.batchId = r.batch_id || '';
    result.dataset.undone = String(st.undone);
    result.replaceChildren(
      ...[
        h('h2', { class: 'card-title', i18n: st.undone ? 'imp.history.undone' : 'imp.result.title' }),
        strip.el,
        h('p', null, h('span', { i18n: 'imp.result.batch' }), ': ', h('code', { id: 'import-batch-id', dir: 'ltr' }, r.batch_id)),
        left
          ? h(
              'div',
              { class: 'import-actions' },
              h('button', { type: 'button', id: 'import-errors-open', class: 'btn btn-primary', onclick: report('open') }, icon('import'), h('span', { i18n: 'imp.result.errors_open' })),
              h('button', { type: 'button', id: 'import-errors-save', class: 'btn btn-secondary', onclick: report('save') }, icon('download'), h('span', { i18n: 'imp.result.errors_save' })),
            )
          : null,
        fileNote,
        h(
          'div',
          { class: 'import-actions' },
          r.kind === 'contacts' && !st.undone ? h('a', { href: '#/contacts', class: 'btn btn-secondary', id: 'import-show-contacts' }, icon('contacts'), h('span', { i18n: 'imp.result.contacts' })) : null,
          undo,
          again,
        ),
      ].filter(Boolean),
    );
    localize(result);
  }

  function render() {
    stepItems.forEach((li, i) => {
      const s = STEPS[i];
      if (s === st.step) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
      li.dataset.done = String(i < STEPS.indexOf(st.step));
    });
    stepFile.hidden = st.step !== 'file';
    stepMap.hidden = st.step !== 'map';
    stepPreview.hidden = st.step !== 'preview';
    stepRun.hidden = st.step !== 'run';

    summary.hidden = !st.file && !st.result;
    const name = st.file?.name || st.result?.file_name;
    if (name) {
      fileName.replaceChildren(...[h('bdi', null, fileNameText(name)), st.file ? h('span', { class: 'muted', i18n: sizeText(st.file.size) }) : null].filter(Boolean));
    }
    const shown = st.report;
    counts.el.hidden = !shown || Boolean(st.result); // the result shows its own
    if (shown) counts.show(shown.counts);

    kind.value = st.kind;
    const s = shape();
    sheetFields.hidden = !s;
    headerMissing.hidden = !(st.layout && !st.layout.header_row);
    if (s) {
      sheet.replaceChildren(...s.sheet_names.map((n) => h('option', { value: n, dir: 'auto' }, n)));
      sheet.value = s.sheet;
      if (document.activeElement !== headerRow) headerRow.value = s.header_row ? String(s.header_row) : '';
      renderTable(s);
    }

    dateOrder.value = st.options.date_order || '';
    duplicates.value = st.options.on_duplicate;
    const detected = st.report?.date_order_detected;
    dateDetected.hidden = !st.report;
    if (detected) setText(dateDetected, ['imp.date_order.detected', { order: t(`imp.date_order.${detected}`) }]);
    else setText(dateDetected, 'imp.date_order.undetected');

    if (st.report) preview.show(st.report);
    const c = st.report?.counts;
    if (c && !st.result) {
      const left = c.duplicate + c.invalid;
      setText(ready, c.new + c.updated ? ['imp.run.ready', { new: c.new, updated: c.updated }] : 'imp.run.nothing');
      leftOut.hidden = !left;
      if (left) setText(leftOut, ['imp.run.left_out', { n: left }]);
    }
    renderResult();
    syncControls();
    localize(view);
  }

  // A language change re-words the texts that hold other translated words.
  const relabel = () => {
    if (!view.isConnected) {
      document.removeEventListener('maarid:locale', relabel);
      return;
    }
    render();
  };
  document.addEventListener('maarid:locale', relabel);

  await Promise.all([loadProfiles(), history.refresh()]);
  render();
}
