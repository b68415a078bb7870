// The catalog item form (#product-dialog, #product-form) for adding and editing.
// Controls are named as the backend's fields (code, name_ar, price, vat_rate, vin…), so
// a refused value marks its own control. The vehicle fields (#product-vehicle) show only
// for kind = vehicle. The image: #product-image-file (name="image"), preview
// #product-image-preview, #product-image-remove. Buttons: #product-save, #product-cancel.
import { h, localize, setText } from '../dom.js';
import { api } from '../api.js';
import { state } from '../state.js';
import { field, markInvalid, unmark, clearErrors, formErrorArea, applyServerError } from '../forms.js';
import { showToast } from '../toast.js';
import { icon } from './icons.js';
import { modal } from './dialogs.js';
import { PRODUCT_KINDS, STOCK, asciiDigits, decimalValue } from '../sales.js';

const IMAGE_TYPES = ['image/png', 'image/jpeg'];
const MAX_IMAGE_BYTES = 1024 * 1024;
const VEHICLE_FIELDS = ['make', 'model', 'year', 'trim', 'colour', 'vin', 'stock_status'];

/** onSaved(product, created). Returns {dialog, open(product | null, categories)}. */
export function productDialog({ onSaved }) {
  const error = formErrorArea('product-form-error');
  const text = (name, extra = {}) => field({ name, label: `catalog.field.${name}`, ...extra, attrs: { autocomplete: 'off', ...extra.attrs } });
  const categoryList = h('datalist', { id: 'product-categories' });

  const kindField = field({ name: 'kind', label: 'catalog.field.kind', type: 'select', options: PRODUCT_KINDS.map((k) => ({ value: k, i18n: `catalog.kind.${k}` })), id: 'product-kind' });
  const priceField = field({ name: 'price', label: 'catalog.field.price', required: true, dir: 'ltr', id: 'product-price', hint: 'catalog.price_hint', attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const vatField = field({ name: 'vat_rate', label: 'catalog.field.vat_rate', dir: 'ltr', id: 'product-vat', suffix: '%', hint: 'catalog.vat_hint', attrs: { inputmode: 'decimal', autocomplete: 'off' } });

  // ---- the image
  const imageFile = h('input', { id: 'product-image-file', type: 'file', name: 'image', class: 'sr-only file-input', accept: IMAGE_TYPES.join(','), 'aria-describedby': 'product-image-hint' });
  const preview = h('div', { id: 'product-image-preview', class: 'logo-preview product-image-preview', 'aria-live': 'polite' });
  const removeImage = h('button', { type: 'button', id: 'product-image-remove', class: 'btn btn-secondary btn-sm' }, icon('trash'), h('span', { i18n: 'catalog.image_remove' }));
  const imageBlock = h(
    'div',
    { class: 'field logo-field product-image' },
    h('span', { class: 'label-text', i18n: 'catalog.field.image' }),
    h(
      'div',
      { class: 'logo-picker-body' },
      preview,
      h(
        'div',
        { class: 'logo-actions' },
        h('div', { class: 'logo-buttons' }, imageFile, h('label', { for: imageFile.id, class: 'btn btn-secondary btn-sm file-button' }, icon('image'), h('span', { i18n: 'catalog.image_choose' })), removeImage),
        h('p', { class: 'hint', id: 'product-image-hint', i18n: 'catalog.image_hint' }),
      ),
    ),
  );
  // keep: leave the stored image; set: send `url`; remove: send "".
  let image = { mode: 'keep', url: null };
  function showImage(url) {
    preview.replaceChildren(url ? h('img', { src: url, alt: '', class: 'logo-img' }) : h('span', { class: 'logo-empty' }, icon('image'), h('span', { i18n: 'catalog.image_none' })));
    removeImage.hidden = !url;
    localize(preview);
  }
  imageFile.addEventListener('change', () => {
    unmark(imageFile);
    const f = imageFile.files?.[0];
    if (!f) return;
    if (!IMAGE_TYPES.includes(f.type)) {
      markInvalid(imageFile, 'catalog.validation.image_type');
      imageFile.value = '';
      return;
    }
    if (f.size > MAX_IMAGE_BYTES) {
      markInvalid(imageFile, 'catalog.validation.image_size');
      imageFile.value = '';
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      image = { mode: 'set', url: String(reader.result) };
      showImage(image.url);
    };
    reader.onerror = () => markInvalid(imageFile, 'catalog.validation.image_read');
    reader.readAsDataURL(f);
  });
  removeImage.addEventListener('click', () => {
    image = { mode: 'remove', url: null };
    imageFile.value = '';
    showImage(null);
    imageFile.focus();
  });

  const vehicle = h(
    'fieldset',
    { id: 'product-vehicle', class: 'field-group product-vehicle', hidden: true },
    h('legend', { i18n: 'catalog.section.vehicle' }),
    h(
      'div',
      { class: 'grid-3' },
      text('make', { dir: 'auto' }),
      text('model', { dir: 'auto' }),
      text('year', { dir: 'ltr', attrs: { inputmode: 'numeric', maxlength: 4 } }),
      text('trim', { dir: 'auto' }),
      text('colour', { dir: 'auto' }),
      field({ name: 'stock_status', label: 'catalog.field.stock_status', type: 'select', options: STOCK.map((s) => ({ value: s, i18n: `catalog.stock.${s}` })) }),
    ),
    text('vin', { dir: 'ltr', hint: 'catalog.vin_hint', attrs: { spellcheck: 'false', maxlength: 40, class: 'mono' } }),
  );

  const save = h('button', { type: 'submit', id: 'product-save', class: 'btn btn-primary' }, icon('check'), h('span', { i18n: 'common.save' }));
  const cancel = h('button', { type: 'button', id: 'product-cancel', class: 'btn btn-secondary', i18n: 'common.cancel', onclick: () => dialog.close() });
  const form = h(
    'form',
    { id: 'product-form', class: 'modal-form-body', novalidate: true },
    h(
      'div',
      { class: 'modal-scroll' },
      h('h3', { class: 'section-title', i18n: 'catalog.section.basic' }),
      h(
        'div',
        { class: 'grid-2' },
        kindField,
        text('code', { required: true, dir: 'ltr', hint: 'catalog.code_hint', attrs: { spellcheck: 'false', maxlength: 40 } }),
        text('name_ar', { dir: 'rtl', attrs: { maxlength: 200 } }),
        text('name_en', { dir: 'ltr', attrs: { maxlength: 200 } }),
        text('category', { dir: 'auto', attrs: { list: categoryList.id, maxlength: 100 } }),
        text('unit', { dir: 'auto', attrs: { maxlength: 40 } }),
      ),
      h('p', { class: 'hint name-hint', i18n: 'catalog.name_hint' }),
      field({ name: 'description', label: 'catalog.field.description', type: 'textarea', rows: 2, dir: 'auto' }),
      h('h3', { class: 'section-title', i18n: 'catalog.section.pricing' }),
      h('div', { class: 'grid-2' }, priceField, vatField),
      vehicle,
      imageBlock,
      categoryList,
      error,
    ),
    h('div', { class: 'modal-actions modal-footer' }, save, cancel),
  );
  const dialog = modal({ id: 'product-dialog', title: 'catalog.add_title', body: form, wide: true });
  dialog.classList.add('modal-form');
  const heading = dialog.querySelector('h2');
  const f = (n) => form.elements[n];
  f('unit').setAttribute('data-i18n-attr', 'placeholder:catalog.unit_placeholder');
  let editing = null;

  function showVehicle() {
    vehicle.hidden = f('kind').value !== 'vehicle';
  }
  f('kind').addEventListener('change', showVehicle);
  for (const type of ['input', 'change']) form.addEventListener(type, (e) => unmark(e.target));

  function hints() {
    const rate = state.company?.default_vat_rate ?? '';
    const currency = state.company?.currency ?? '';
    setText(priceField.querySelector('.hint'), ['catalog.price_hint', { currency }]);
    setText(vatField.querySelector('.hint'), ['catalog.vat_hint', { rate }]);
  }

  /** product: a Product to edit, or null for a new one. */
  async function open(product, categories = []) {
    editing = product || null;
    form.reset();
    clearErrors(form);
    setText(heading, product ? 'catalog.edit_title' : 'catalog.add_title');
    categoryList.replaceChildren(...categories.map((c) => h('option', { value: c })));
    const p = product || { kind: 'product', stock_status: 'available' };
    f('kind').value = PRODUCT_KINDS.includes(p.kind) ? p.kind : 'product';
    for (const n of ['code', 'name_ar', 'name_en', 'description', 'unit', 'category', 'make', 'model', 'trim', 'colour', 'vin']) f(n).value = p[n] ?? '';
    f('price').value = p.price ?? '';
    f('vat_rate').value = product ? p.vat_rate ?? '' : '';
    f('year').value = p.year ?? '';
    f('stock_status').value = STOCK.includes(p.stock_status) ? p.stock_status : 'available';
    image = { mode: 'keep', url: null };
    imageFile.value = '';
    showImage(null);
    showVehicle();
    hints();
    localize(dialog);
    if (!dialog.open) dialog.showModal();
    f(product ? 'name_ar' : 'code').focus();
    if (product?.has_image) {
      try {
        const url = await api.productsImage(product.id);
        if (editing === product && image.mode === 'keep') showImage(url);
      } catch {
        // The form still works without the preview.
      }
    }
  }

  /** The input for the backend, or null after marking what is wrong. */
  function read() {
    const kind = f('kind').value;
    const price = decimalValue(f('price').value);
    const vat = decimalValue(f('vat_rate').value);
    if (!f('code').value.trim()) return fail('code', 'validation.required');
    if (!f('name_ar').value.trim() && !f('name_en').value.trim()) return fail('name_ar', 'catalog.name_hint');
    if (price === null || price === '') return fail('price', price === '' ? 'validation.required' : 'catalog.validation.price');
    if (vat === null || (vat !== '' && Number(vat) > 100)) return fail('vat_rate', 'catalog.validation.vat');
    const vehicleKind = kind === 'vehicle';
    let year = null;
    if (vehicleKind && f('year').value.trim()) {
      const y = asciiDigits(f('year').value);
      if (!/^\d{4}$/.test(y)) return fail('year', 'catalog.validation.year');
      year = Number(y);
    }
    const v = (n) => (vehicleKind ? f(n).value.trim() : '');
    return {
      kind,
      code: f('code').value.trim(),
      name_ar: f('name_ar').value.trim(),
      name_en: f('name_en').value.trim(),
      description: f('description').value.trim(),
      unit: f('unit').value.trim(),
      price,
      vat_rate: vat === '' ? null : vat,
      category: f('category').value.trim(),
      make: v('make'),
      model: v('model'),
      year,
      trim: v('trim'),
      colour: v('colour'),
      vin: v('vin'),
      stock_status: vehicleKind ? f('stock_status').value : null,
      image_data_url: image.mode === 'set' ? image.url : image.mode === 'remove' ? '' : null,
    };
  }

  function fail(name, key) {
    const control = f(name);
    if (VEHICLE_FIELDS.includes(name)) vehicle.hidden = false;
    markInvalid(control, key);
    control.focus();
    return null;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const input = read();
    if (!input) return;
    save.disabled = true;
    try {
      const saved = editing ? await api.productsUpdate(editing.id, input) : await api.productsCreate(input);
      dialog.close();
      showToast('catalog.saved');
      await onSaved?.(saved, !editing);
    } catch (err) {
      if (err.code === 'invalid_input' && VEHICLE_FIELDS.includes(err.field)) vehicle.hidden = false;
      if (err.code === 'invalid_input' && err.field === 'image') {
        markInvalid(imageFile, err);
        imageFile.focus();
      } else {
        applyServerError(form, err, error);
      }
    } finally {
      save.disabled = false;
    }
  });

  return { dialog, open };
}
