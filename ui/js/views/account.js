// My account: who I am, change my password, my language.
import { h, localize, timeEl } from '../dom.js';
import { api } from '../api.js';
import { state } from '../state.js';
import { getLocale, setLocale } from '../i18n.js';
import { field, clearErrors, formErrorArea, applyServerError, markInvalid } from '../forms.js';
import { rememberLocale } from '../session.js';
import { showToast } from '../toast.js';
import { pageHeader, card } from '../components/page.js';
import { icon } from '../components/icons.js';

function profileCard() {
  const u = state.me.user;
  const r = state.me.role;
  const rows = [
    ['users.username', h('bdi', null, u.username)],
    ['users.full_name', u.full_name || '—'],
    ['users.email', u.email ? h('bdi', null, u.email) : '—'],
    ['users.role', h('span', { bi: { ar: r?.name_ar || u.role_name_ar, en: r?.name_en || u.role_name_en } })],
    ['users.last_login', timeEl(u.last_login_at)],
  ];
  return card('account.profile', h('dl', { class: 'summary' }, rows.map(([k, v]) => [h('dt', { i18n: k }), h('dd', null, v)])));
}

function passwordCard() {
  const error = formErrorArea('password-error');
  const save = h('button', { type: 'submit', id: 'password-submit', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'account.change_password' }));
  const form = h(
    'form',
    { id: 'password-form', class: 'stack', novalidate: true },
    field({ name: 'current', label: 'account.current_password', type: 'password', required: true, dir: 'ltr', attrs: { autocomplete: 'current-password' } }),
    field({ name: 'new', label: 'account.new_password', type: 'password', required: true, dir: 'ltr', hint: 'setup.password_hint', attrs: { autocomplete: 'new-password' } }),
    field({ name: 'confirm', label: 'account.confirm_password', type: 'password', required: true, dir: 'ltr', attrs: { autocomplete: 'new-password' } }),
    error,
    h('div', { class: 'form-actions' }, save),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const { current, new: next, confirm } = form.elements;
    let bad = null;
    if (!current.value) bad ||= markInvalid(current, 'validation.required') || current;
    if (!next.value) bad ||= markInvalid(next, 'validation.required') || next;
    if (next.value && confirm.value !== next.value) bad ||= markInvalid(confirm, 'validation.password_match') || confirm;
    if (bad) {
      bad.focus();
      return;
    }
    save.disabled = true;
    try {
      await api.passwordChange(current.value, next.value);
      form.reset();
      showToast('toast.password_changed');
    } catch (err) {
      if (err.code === 'invalid_credentials') {
        markInvalid(current, err);
        current.focus();
      } else {
        applyServerError(form, err, error, { password: 'new' });
      }
    } finally {
      save.disabled = false;
    }
  });
  return card('account.password_title', form);
}

function localeCard() {
  const error = formErrorArea('locale-error');
  const form = h(
    'form',
    { id: 'locale-form', class: 'stack', novalidate: true },
    field({
      name: 'locale',
      label: 'account.language',
      type: 'select',
      value: getLocale(),
      hint: 'account.language_hint',
      options: [
        { value: 'ar', i18n: 'lang.ar' },
        { value: 'en', i18n: 'lang.en' },
      ],
    }),
    error,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'locale-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }))),
  );
  // The top-bar toggle changes the language too; keep this select in step with it.
  const sync = () => {
    if (!form.isConnected) {
      document.removeEventListener('maarid:locale', sync);
      return;
    }
    form.elements.locale.value = getLocale();
  };
  document.addEventListener('maarid:locale', sync);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const locale = form.elements.locale.value;
    try {
      await api.localeSet(locale);
      state.me.user.locale = locale;
      rememberLocale(locale);
      setLocale(locale);
      showToast('toast.saved');
    } catch (err) {
      applyServerError(form, err, error);
    }
  });
  return card('account.language_title', form);
}

export function renderAccount(view) {
  view.replaceChildren(
    pageHeader('account.title', 'account.subtitle'),
    h('div', { class: 'account-grid' }, profileCard(), h('div', { class: 'stack-lg' }, passwordCard(), localeCard())),
  );
  localize(view);
}
