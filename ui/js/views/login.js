// Login. company_get needs a session, so this screen carries the Maarid brand only.
import { h } from '../dom.js';
import { api } from '../api.js';
import { state } from '../state.js';
import { field, clearErrors, formErrorArea, showFormError } from '../forms.js';
import { startSession, go } from '../session.js';
import { langToggle } from '../components/lang-toggle.js';
import { logoMark } from '../components/icons.js';

export function renderLogin(app) {
  app.dataset.screen = 'login';
  delete app.dataset.user;
  app.className = 'auth-page';

  const error = formErrorArea('login-error');
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'btn btn-primary btn-block', i18n: 'login.submit' });
  const form = h(
    'form',
    { id: 'login-form', class: 'stack', novalidate: true },
    field({ name: 'username', label: 'login.username', required: true, dir: 'auto', attrs: { autocomplete: 'username', autocapitalize: 'off', spellcheck: 'false', autofocus: true } }),
    field({ name: 'password', label: 'login.password', type: 'password', required: true, dir: 'ltr', attrs: { autocomplete: 'current-password' } }),
    error,
    submit,
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!username || !password) {
      showFormError(error, 'login.missing');
      (username ? form.elements.password : form.elements.username).focus();
      return;
    }
    submit.disabled = true;
    try {
      const me = await api.login(username, password);
      await startSession(me);
      const target = state.afterLogin || 'home';
      state.afterLogin = null;
      go(target);
    } catch (err) {
      showFormError(error, err);
      form.elements.password.value = '';
      form.elements.password.focus();
    } finally {
      submit.disabled = false;
    }
  });

  app.replaceChildren(
    h(
      'div',
      { class: 'auth-card' },
      h(
        'div',
        { class: 'auth-top' },
        h('div', { class: 'brand' }, logoMark(44), h('span', { class: 'brand-text' }, h('span', { class: 'brand-name', i18n: 'app.name' }), h('small', { i18n: 'app.tagline' }))),
        langToggle(),
      ),
      h('h1', { i18n: 'login.title' }),
      h('p', { class: 'muted', i18n: 'login.subtitle' }),
      form,
    ),
    h('p', { class: 'auth-footer', i18n: ['app.version', { v: state.appInfo?.version || '' }] }),
  );
  form.elements.username.focus();
}
