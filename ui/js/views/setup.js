// First-run setup wizard: company → CRM settings → numbering → first administrator →
// review. Nothing else is reachable until setup_complete succeeds.
import { h, localize, setText } from '../dom.js';
import { api } from '../api.js';
import { state } from '../state.js';
import { getLocale } from '../i18n.js';
import { field, markInvalid, clearErrors, formErrorArea, showFormError } from '../forms.js';
import { startSession, go } from '../session.js';
import { companyFields } from '../components/company-form.js';
import { settingsFields } from '../components/settings-form.js';
import { seriesTable } from '../components/series-table.js';
import { langToggle } from '../components/lang-toggle.js';
import { icon, logoMark } from '../components/icons.js';
import { defaultSeries, previewNumber } from '../numbering.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STEPS = ['company', 'settings', 'numbering', 'admin', 'review'];

function adminFields() {
  return h(
    'div',
    { class: 'grid-2' },
    field({ name: 'username', label: 'users.username', required: true, dir: 'ltr', hint: 'setup.username_hint', attrs: { autocomplete: 'username', autocapitalize: 'off', spellcheck: 'false', maxlength: 64 } }),
    field({ name: 'full_name', label: 'users.full_name', required: true, dir: 'auto', attrs: { autocomplete: 'name', maxlength: 200 } }),
    field({ name: 'email', label: 'users.email', type: 'email', dir: 'ltr', attrs: { autocomplete: 'email' } }),
    field({
      name: 'locale',
      label: 'users.locale',
      type: 'select',
      value: getLocale(),
      options: [
        { value: 'ar', i18n: 'lang.ar' },
        { value: 'en', i18n: 'lang.en' },
      ],
    }),
    field({ name: 'password', label: 'users.password', type: 'password', required: true, dir: 'ltr', hint: 'setup.password_hint', attrs: { autocomplete: 'new-password' } }),
    field({ name: 'password_confirm', label: 'users.password_confirm', type: 'password', required: true, dir: 'ltr', attrs: { autocomplete: 'new-password' } }),
  );
}

export function renderSetup(app) {
  app.dataset.screen = 'setup';
  app.className = 'auth-page setup-page';

  const company = companyFields();
  const settings = settingsFields();
  const series = seriesTable();
  series.fill(defaultSeries());
  const admin = adminFields();
  const review = h('div', { class: 'review' });

  const sections = {
    company: company.root,
    settings: settings.root,
    numbering: series.root,
    admin,
    review,
  };
  const stepEls = STEPS.map((key, i) =>
    h(
      'section',
      { class: 'wizard-step', id: `setup-step-${key}`, 'data-step': key, hidden: i !== 0, 'aria-labelledby': `setup-step-${key}-title` },
      h('h2', { id: `setup-step-${key}-title`, i18n: `setup.step.${key}` }),
      h('p', { class: 'muted step-intro', i18n: `setup.intro.${key}` }),
      sections[key],
    ),
  );

  const error = formErrorArea('setup-error');
  const back = h('button', { type: 'button', id: 'setup-back', class: 'btn btn-secondary' }, icon('chevron', { flip: true }), h('span', { i18n: 'setup.back' }));
  back.querySelector('svg').classList.add('icon-back');
  const next = h('button', { type: 'submit', id: 'setup-next', class: 'btn btn-primary' }, h('span', { i18n: 'setup.next' }), icon('chevron', { flip: true }));
  const finish = h('button', { type: 'submit', id: 'setup-finish', class: 'btn btn-accent' }, icon('check'), h('span', { i18n: 'setup.finish' }));
  const counter = h('span', { class: 'step-counter' });

  const form = h(
    'form',
    { id: 'setup-form', class: 'card wizard', novalidate: true },
    stepEls,
    error,
    h('div', { class: 'wizard-actions' }, back, counter, h('span', { class: 'spacer' }), next, finish),
  );

  const indicator = h(
    'ol',
    { class: 'steps', id: 'setup-steps' },
    STEPS.map((key, i) =>
      h(
        'li',
        { 'data-step': key },
        h(
          'button',
          { type: 'button', class: 'step-button', tabindex: '-1', onclick: () => { if (i < current) show(i); } },
          h('span', { class: 'step-num' }, String(i + 1)),
          h('span', { class: 'step-label', i18n: `setup.step_short.${key}` }),
        ),
      ),
    ),
  );

  let current = 0;

  function show(i, focus = true) {
    current = i;
    stepEls.forEach((s, j) => { s.hidden = j !== i; });
    [...indicator.children].forEach((li, j) => {
      li.classList.toggle('done', j < i);
      const b = li.querySelector('button');
      // Finished steps can be revisited from the indicator; later ones only via Next.
      b.disabled = j >= i;
      b.tabIndex = j < i ? 0 : -1;
      if (j === i) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    back.hidden = i === 0;
    next.hidden = i === STEPS.length - 1;
    finish.hidden = i !== STEPS.length - 1;
    setText(counter, ['setup.step_of', { n: i + 1, total: STEPS.length }]);
    if (STEPS[i] === 'review') buildReview();
    if (focus) {
      const first = stepEls[i].querySelector('input:not([type=hidden]):not(.sr-only), select, textarea');
      (first || stepEls[i].querySelector('h2')).focus?.();
    }
  }

  function validateAdmin() {
    const f = (n) => admin.querySelector(`[name="${n}"]`);
    const bad = [];
    if (!f('username').value.trim()) bad.push([f('username'), 'validation.required']);
    if (!f('full_name').value.trim()) bad.push([f('full_name'), 'validation.required']);
    const email = f('email').value.trim();
    if (email && !EMAIL.test(email)) bad.push([f('email'), 'validation.email']);
    const pw = f('password').value;
    if (pw.length < 8) bad.push([f('password'), ['validation.password_min', { n: 8 }]]);
    if (f('password_confirm').value !== pw) bad.push([f('password_confirm'), 'validation.password_match']);
    bad.forEach(([c, m]) => markInvalid(c, m));
    return bad.length ? bad[0][0] : null;
  }

  const validators = {
    company: () => company.validate(),
    settings: () => settings.validate(),
    numbering: () => series.validate(),
    admin: validateAdmin,
    review: () => null,
  };

  function readAdmin() {
    const f = (n) => admin.querySelector(`[name="${n}"]`);
    return {
      username: f('username').value.trim(),
      full_name: f('full_name').value.trim(),
      email: f('email').value.trim(),
      password: f('password').value,
      locale: f('locale').value,
    };
  }

  function dl(rows) {
    return h(
      'dl',
      { class: 'summary' },
      rows.map(([labelKey, value]) => [h('dt', { i18n: labelKey }), h('dd', null, value === '' || value == null ? h('span', { class: 'muted' }, '—') : value)]),
    );
  }

  function buildReview() {
    const c = company.read();
    const s = settings.read();
    const a = readAdmin();
    const logo = c.logo_data_url ? h('img', { src: c.logo_data_url, alt: '', class: 'review-logo' }) : '';
    review.replaceChildren(
      h(
        'div',
        { class: 'review-grid' },
        h('section', { class: 'review-block' }, h('h3', { i18n: 'setup.step_short.company' }), logo, dl([
          ['company.name_ar', c.name_ar],
          ['company.name_en', c.name_en],
          ['company.country', h('span', { i18n: `countries.${c.country}` })],
          ['company.currency', h('span', { i18n: `currencies.${c.currency}` })],
          ['company.default_vat_rate', h('bdi', null, `${c.default_vat_rate}%`)],
          ['company.tax_number', c.tax_number],
          ['company.phones', c.phones.length ? h('bdi', null, c.phones.join('، ')) : ''],
        ])),
        h('section', { class: 'review-block' }, h('h3', { i18n: 'setup.step_short.settings' }), dl([
          ['settings.digits', h('span', { i18n: `settings.digits_${s.digits}` })],
          ['settings.default_locale', h('span', { i18n: `lang.${s.default_locale}` })],
          ['settings.default_quotation_validity_days', h('span', { i18n: ['common.days', { n: s.default_quotation_validity_days }] })],
          ['settings.close_unanswered_inquiries_days', s.close_unanswered_inquiries_days === 0 ? h('span', { i18n: 'common.never' }) : h('span', { i18n: ['common.days', { n: s.close_unanswered_inquiries_days }] })],
          ['settings.max_failed_logins', h('span', { 'data-num': s.max_failed_logins })],
        ])),
        h('section', { class: 'review-block' }, h('h3', { i18n: 'setup.step_short.numbering' }), dl(
          series.read().map((x) => [`series.doc.${x.doc_type}`, h('bdi', { class: 'mono' }, previewNumber(x))]),
        )),
        h('section', { class: 'review-block' }, h('h3', { i18n: 'setup.step_short.admin' }), dl([
          ['users.username', h('bdi', null, a.username)],
          ['users.full_name', a.full_name],
          ['users.email', a.email ? h('bdi', null, a.email) : ''],
          ['users.locale', h('span', { i18n: `lang.${a.locale}` })],
        ])),
      ),
    );
    localize(review);
  }

  // Which control a backend `field` means; names repeat (email, series rows), so prefer
  // the one the browser itself finds invalid, then one that has a value.
  function locate(name) {
    const all = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]:not([type=hidden])`)];
    if (all.length <= 1) return all[0] || null;
    return all.find((c) => !c.checkValidity()) || all.find((c) => c.value && c.type !== 'checkbox') || all[0];
  }

  async function finish_() {
    for (let i = 0; i < STEPS.length; i++) {
      const bad = validators[STEPS[i]]();
      if (bad) {
        show(i, false);
        bad.focus();
        return;
      }
    }
    const input = {
      company: company.read(),
      settings: settings.read(),
      series: series.read(),
      admin: readAdmin(),
    };
    finish.disabled = true;
    try {
      const me = await api.setupComplete(input);
      state.appInfo.setup_done = true;
      await startSession(me);
      go('home');
    } catch (err) {
      const control = err.code === 'invalid_input' && err.field ? locate(err.field === 'logo_data_url' ? 'logo' : err.field) : null;
      if (control) {
        const i = stepEls.findIndex((s) => s.contains(control));
        show(i, false);
        markInvalid(control, err);
        control.focus();
      } else {
        showFormError(error, err);
      }
    } finally {
      finish.disabled = false;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    if (current === STEPS.length - 1) {
      finish_();
      return;
    }
    const bad = validators[STEPS[current]]();
    if (bad) {
      bad.focus();
      return;
    }
    show(current + 1);
  });
  back.addEventListener('click', () => {
    clearErrors(form);
    if (current > 0) show(current - 1);
  });

  app.replaceChildren(
    h(
      'div',
      { class: 'setup-shell' },
      h(
        'header',
        { class: 'setup-header' },
        h('div', { class: 'brand' }, logoMark(44), h('span', { class: 'brand-text' }, h('span', { class: 'brand-name', i18n: 'app.name' }), h('small', { i18n: 'app.tagline' }))),
        langToggle(),
      ),
      h('div', { class: 'setup-title' }, h('h1', { i18n: 'setup.title' }), h('p', { class: 'muted', i18n: 'setup.subtitle' })),
      indicator,
      form,
    ),
  );
  show(0, false);
  localize(app);
  form.querySelector('[name="name_ar"]').focus();
}
