// <logo-picker>: choose an image file, read it as a data URL, preview it, remove it.
// The file input is name="logo" (the backend's field name for logo errors); the value
// sent is the data URL (logo_data_url) or null.
import { h, nextId } from '../dom.js';
import { markInvalid, clearErrors } from '../forms.js';
import { icon } from './icons.js';

const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
const MAX_BYTES = 1024 * 1024;

class LogoPicker extends HTMLElement {
  connectedCallback() {
    if (this.file) return;
    const id = nextId('logo');
    this.file = h('input', { id, type: 'file', name: 'logo', class: 'sr-only file-input', accept: TYPES.join(','), 'aria-describedby': `${id}-hint` });
    this.hidden_ = h('input', { type: 'hidden', name: 'logo_data_url' });
    this.preview = h('div', { class: 'logo-preview', 'aria-live': 'polite' });
    this.removeButton = h(
      'button',
      { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'remove-logo', onclick: () => this.clearLogo() },
      icon('trash'),
      h('span', { i18n: 'company.logo_remove' }),
    );
    this.chooseLabel = h('label', { for: id, class: 'btn btn-secondary btn-sm file-button' }, icon('image'), h('span', { i18n: 'company.logo_choose' }));
    this.file.addEventListener('change', () => this.read());
    this.append(
      h(
        'div',
        { class: 'field logo-field' },
        h('span', { class: 'label-text', i18n: 'company.logo' }),
        h(
          'div',
          { class: 'logo-picker-body' },
          this.preview,
          h('div', { class: 'logo-actions' }, h('div', { class: 'logo-buttons' }, this.file, this.chooseLabel, this.removeButton), h('p', { class: 'hint', id: `${id}-hint`, i18n: 'company.logo_hint' })),
        ),
        this.hidden_,
      ),
    );
    this.value = this.pending ?? null;
    this.applyDisabled();
  }

  get value() {
    return this.hidden_ ? this.hidden_.value || null : this.pending ?? null;
  }

  set value(dataUrl) {
    if (!this.hidden_) {
      this.pending = dataUrl;
      return;
    }
    this.hidden_.value = dataUrl || '';
    this.preview.replaceChildren(
      dataUrl ? h('img', { src: dataUrl, alt: '', class: 'logo-img' }) : h('span', { class: 'logo-empty' }, icon('image'), h('span', { i18n: 'company.logo_none' })),
    );
    this.removeButton.hidden = !dataUrl || Boolean(this._disabled);
  }

  // May be set before the element is connected (and built); applied again once it is.
  set disabled(flag) {
    this._disabled = Boolean(flag);
    this.applyDisabled();
  }

  applyDisabled() {
    if (!this.file) return;
    const flag = Boolean(this._disabled);
    this.file.disabled = flag;
    this.removeButton.disabled = flag;
    this.chooseLabel.hidden = flag;
    this.removeButton.hidden = flag || !this.value;
  }

  clearLogo() {
    this.value = null;
    this.file.value = '';
    this.dispatchEvent(new Event('input', { bubbles: true }));
    this.file.focus();
  }

  read() {
    clearErrors(this);
    const f = this.file.files?.[0];
    if (!f) return;
    if (!TYPES.includes(f.type)) {
      markInvalid(this.file, 'validation.logo_type');
      this.file.value = '';
      return;
    }
    if (f.size > MAX_BYTES) {
      markInvalid(this.file, 'validation.logo_size');
      this.file.value = '';
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      this.value = String(reader.result);
      this.dispatchEvent(new Event('input', { bubbles: true }));
    };
    reader.onerror = () => markInvalid(this.file, 'validation.logo_read');
    reader.readAsDataURL(f);
  }
}

customElements.define('logo-picker', LogoPicker);
