// <phone-list>: several phone numbers with add/remove rows. Light DOM, so its inputs
// (name="phones") take part in the surrounding form and styles.
import { h, localize, nextId } from '../dom.js';
import { icon } from './icons.js';

class PhoneList extends HTMLElement {
  connectedCallback() {
    if (this.list) return;
    this.list = h('ul', { class: 'phone-rows' });
    this.addButton = h(
      'button',
      { type: 'button', class: 'btn btn-secondary btn-sm', 'data-action': 'add-phone', onclick: () => this.addRow('', true) },
      icon('plus'),
      h('span', { i18n: 'company.add_phone' }),
    );
    this.append(
      h('fieldset', { class: 'field-group' }, h('legend', { i18n: 'company.phones' }), this.list, this.addButton),
    );
    this.value = this.pending || [];
    this.applyDisabled();
  }

  get value() {
    if (!this.list) return this.pending || [];
    return [...this.list.querySelectorAll('input')].map((i) => i.value.trim()).filter(Boolean);
  }

  set value(phones) {
    if (!this.list) {
      this.pending = phones;
      return;
    }
    this.list.replaceChildren();
    const rows = phones && phones.length ? phones : [''];
    rows.forEach((p) => this.addRow(p, false));
  }

  // May be set before the element is connected (and built); applied again once it is.
  set disabled(flag) {
    this._disabled = Boolean(flag);
    this.applyDisabled();
  }

  applyDisabled() {
    this.querySelectorAll('input, button').forEach((c) => {
      c.disabled = Boolean(this._disabled);
    });
    if (this.addButton) this.addButton.hidden = Boolean(this._disabled);
  }

  addRow(value, focus) {
    const id = nextId('phone');
    const input = h('input', { id, type: 'tel', name: 'phones', dir: 'ltr', autocomplete: 'tel', value, inputmode: 'tel' });
    const label = h('label', { for: id, class: 'sr-only' });
    const remove = h(
      'button',
      { type: 'button', class: 'btn-icon', 'data-action': 'remove-phone', onclick: () => this.removeRow(row) },
      icon('trash'),
    );
    const row = h('li', { class: 'phone-row' }, label, input, remove);
    this.list.append(row);
    this.renumber();
    if (this._disabled) this.applyDisabled();
    if (focus) input.focus();
  }

  removeRow(row) {
    const rows = [...this.list.children];
    if (rows.length === 1) {
      // Keep one (empty) row so there is always somewhere to type.
      row.querySelector('input').value = '';
      row.querySelector('input').focus();
      return;
    }
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    this.renumber();
    next?.querySelector('input')?.focus();
  }

  // Labels say which phone is which ("Phone 2"), for screen readers.
  renumber() {
    [...this.list.children].forEach((row, i) => {
      const n = i + 1;
      const label = row.querySelector('label');
      label.dataset.i18n = 'company.phone_n';
      label.dataset.i18nVars = JSON.stringify({ n });
      const remove = row.querySelector('button');
      remove.dataset.i18nAttr = 'aria-label:company.remove_phone;title:company.remove_phone';
    });
    localize(this.list);
  }
}

customElements.define('phone-list', PhoneList);
