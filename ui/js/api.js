// The only place that talks to Rust. Every rejection becomes an ApiError with a stable
// `code` and a message in both languages, so views never show a raw or debug string.
import { getLocale, tIn } from './i18n.js';

export class ApiError extends Error {
  constructor({ code, message_ar, message_en, field, index, details }) {
    super(code);
    this.code = code;
    this.message_ar = message_ar;
    this.message_en = message_en;
    this.field = field ?? null;
    // For a list field (phones, emails): which entry, 0-based, in the list sent.
    this.index = Number.isInteger(index) ? index : null;
    // Structured detail for some codes, e.g. possible_duplicate: [DuplicateMatch].
    this.details = details ?? null;
  }

  /** The message in the current language. */
  text() {
    return getLocale() === 'en' ? this.message_en || this.message_ar : this.message_ar || this.message_en;
  }
}

/** An error raised by the UI itself, worded from the dictionaries. */
export function localError(code, key, field) {
  return new ApiError({ code, message_ar: tIn('ar', key), message_en: tIn('en', key), field });
}

function normalize(raw) {
  if (raw instanceof ApiError) return raw;
  if (raw && typeof raw === 'object' && typeof raw.code === 'string' && (raw.message_ar || raw.message_en)) {
    return new ApiError(raw);
  }
  // Tauri itself rejects with a plain string (unknown command, arguments that do not
  // deserialize). That text is for developers, so the user gets a generic message.
  const code = raw && typeof raw === 'object' && typeof raw.code === 'string' ? raw.code : 'internal_error';
  return localError(code, 'errors.unexpected');
}

export function hasBackend() {
  return Boolean(window.__TAURI__?.core?.invoke);
}

export async function call(name, args, options) {
  if (!hasBackend()) throw localError('no_backend', 'errors.no_backend');
  try {
    return await window.__TAURI__.core.invoke(name, args, options);
  } catch (raw) {
    const err = normalize(raw);
    // A session that ended underneath us (e.g. the account was disabled) sends the
    // user back to the login screen instead of leaving a broken view.
    if (err.code === 'not_logged_in') document.dispatchEvent(new CustomEvent('maarid:session-ended'));
    throw err;
  }
}

/** A query object without empty values (the backend takes absent as "any"). */
function compact(query) {
  const q = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q[k] = v;
  return q;
}

// One wrapper per command, with the argument names from docs/commands.md.
export const api = {
  appInfo: () => call('app_info'),
  setupComplete: (input) => call('setup_complete', { input }),
  login: (username, password) => call('login', { username, password }),
  logout: () => call('logout'),
  me: () => call('me'),
  companyGet: () => call('company_get'),
  companyUpdate: (input) => call('company_update', { input }),
  settingsGet: () => call('settings_get'),
  settingsUpdate: (input) => call('settings_update', { input }),
  seriesList: () => call('series_list'),
  seriesUpdate: (input) => call('series_update', { input }),
  usersList: () => call('users_list'),
  usersAdd: (input) => call('users_add', { input }),
  usersUpdate: (id, input) => call('users_update', { id, input }),
  usersResetPassword: (id, password) => call('users_reset_password', { id, password }),
  usersLock: (id) => call('users_lock', { id }),
  usersUnlock: (id) => call('users_unlock', { id }),
  usersDelete: (id) => call('users_delete', { id }),
  passwordChange: (current, next) => call('password_change', { current, new: next }),
  localeSet: (locale) => call('locale_set', { locale }),
  rolesList: () => call('roles_list'),
  rolesCreate: (input) => call('roles_create', { input }),
  rolesUpdate: (id, input) => call('roles_update', { id, input }),
  rolesDelete: (id) => call('roles_delete', { id }),
  usersDirectory: () => call('users_directory'),
  // query: { text, limit, after, kind, owner_id, source, tag, created_from, created_to, sort, desc }
  contactsSearch: (query = {}) => {
    const q = { text: '' };
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q[k] = v;
    return call('contacts_search', { query: q });
  },
  contactsGet: (id) => call('contacts_get', { id }),
  contactsCreate: (input, allowDuplicate = false) =>
    call('contacts_create', allowDuplicate ? { input, allowDuplicate: true } : { input }),
  contactsUpdate: (id, input, allowDuplicate = false) =>
    call('contacts_update', allowDuplicate ? { id, input, allowDuplicate: true } : { id, input }),
  contactsDelete: (id) => call('contacts_delete', { id }),
  contactsCheckDuplicates: (input, except) =>
    call('contacts_check_duplicates', except ? { input, except } : { input }),
  contactsRestore: (id) => call('contacts_restore', { id }),
  contactsCreateInto: (input, existingId) => call('contacts_create_into', { input, existingId }),
  contactsTimeline: (id, { limit, after } = {}) => call('contacts_timeline', { id, query: { limit, after } }),
  contactsPurchases: (id) => call('contacts_purchases', { id }),
  contactsMerge: (input) => call('contacts_merge', { input }),
  contactsUnmerge: (key) => call('contacts_unmerge', { key }),
  contactsMerges: (id) => call('contacts_merges', { id }),
  contactsAssignOwner: (ids, ownerId) => call('contacts_assign_owner', { ids, ownerId: ownerId || null }),
  contactsBulkTag: (ids, add = [], remove = []) => call('contacts_bulk_tag', { ids, add, remove }),
  contactsParseText: (text) => call('contacts_parse_text', { text }),
  contactsImportVcf: (text, kind, onDuplicate) => call('contacts_import_vcf', { text, kind, onDuplicate }),
  fieldsList: () => call('fields_list'),
  fieldsCreate: (input) => call('fields_create', { input }),
  fieldsUpdate: (id, input) => call('fields_update', { id, input }),
  fieldsDelete: (id) => call('fields_delete', { id }),
  fieldsRestore: (id) => call('fields_restore', { id }),
  fieldsReorder: (ids) => call('fields_reorder', { ids }),
  interactionsLog: (input) => call('interactions_log', { input }),
  interactionsUpdate: (id, input) => call('interactions_update', { id, input }),
  interactionsDelete: (id) => call('interactions_delete', { id }),
  interactionsRestore: (id) => call('interactions_restore', { id }),
  // query: { text, kind, category, stock_status, limit, after }
  productsList: (query = {}) => call('products_list', { query: compact(query) }),
  productsGet: (id) => call('products_get', { id }),
  productsCreate: (input) => call('products_create', { input }),
  productsUpdate: (id, input) => call('products_update', { id, input }),
  productsDelete: (id) => call('products_delete', { id }),
  productsRestore: (id) => call('products_restore', { id }),
  productsSetStock: (id, status) => call('products_set_stock', { id, status }),
  productsImage: (id) => call('products_image', { id }),
  productsCategories: () => call('products_categories'),
  // query: { text, status, channel, owner_id, contact_id, follow_up_due, limit, after }
  inquiriesList: (query = {}) => call('inquiries_list', { query: compact(query) }),
  inquiriesGet: (id) => call('inquiries_get', { id }),
  inquiriesCreate: (input) => call('inquiries_create', { input }),
  inquiriesUpdate: (id, input) => call('inquiries_update', { id, input }),
  inquiriesSetStatus: (id, change) => call('inquiries_set_status', { id, change }),
  inquiriesApprove: (id) => call('inquiries_approve', { id }),
  inquiriesFollowUp: (id, input) => call('inquiries_follow_up', { id, input }),
  inquiriesCancel: (id) => call('inquiries_cancel', { id }),
  // Quotations, delivery notes, invoices (docs/commands.md, "Sales documents").
  quotesList: (query = {}) => call('quotes_list', { query: compact(query) }),
  quotesGet: (id) => call('quotes_get', { id }),
  quotesCreate: (input) => call('quotes_create', { input }),
  quotesFromInquiry: (inquiryId) => call('quotes_from_inquiry', { inquiryId }),
  quotesPreview: (input) => call('quotes_preview', { input }),
  quotesUpdate: (id, input) => call('quotes_update', { id, input }),
  quotesSetStatus: (id, change) => call('quotes_set_status', { id, change }),
  quotesRevise: (id) => call('quotes_revise', { id }),
  quotesCopy: (id, contactId = null) => call('quotes_copy', { id, contactId }),
  quotesConvert: (id, input) => call('quotes_convert', { id, input }),
  quotesHistory: (id) => call('quotes_history', { id }),
  quotesCommunications: (id) => call('quotes_communications', { id }),
  invoicesList: (query = {}) => call('invoices_list', { query: compact(query) }),
  invoicesGet: (id) => call('invoices_get', { id }),
  invoicesSetStatus: (id, status) => call('invoices_set_status', { id, status }),
  deliveryNotesList: (query = {}) => call('delivery_notes_list', { query: compact(query) }),
  deliveryNotesGet: (id) => call('delivery_notes_get', { id }),
  deliveryNotesSetStatus: (id, status) => call('delivery_notes_set_status', { id, status }),
  // action: open | save | print; lang: ar | en | both → {path, opened}
  printDocument: (docType, id, lang, action) => call('print_document', { docType, id, lang, action }),
  // Spreadsheet import (docs/commands.md, "Import"). The file goes as the raw body, its
  // name URI-encoded in a header; options: ImportOptions.
  importStage: async (file) =>
    call('import_stage', new Uint8Array(await file.arrayBuffer()), { headers: { 'x-file-name': encodeURIComponent(file.name) } }),
  importCheck: (token, options) => call('import_check', { token, options }),
  importRun: (token, options) => call('import_run', { token, options }),
  importCancel: () => call('import_cancel'),
  // action: open | save → {path, opened, rows} or null (save dialog closed)
  importErrorReport: (action) => call('import_error_report', { action }),
  importBatches: () => call('import_batches'),
  importUndo: (id) => call('import_undo', { id }),
  importProfiles: (kind) => call('import_profiles', { kind }),
  importProfileSave: (kind, name, token, options) => call('import_profile_save', { kind, name, token, options }),
  importProfileDelete: (kind, name) => call('import_profile_delete', { kind, name }),
  // Export (docs/commands.md, "Export"). The Rust side asks where to save: null when
  // that dialog was closed, else the summary {path, format, rows, tables}.
  exportColumns: (kind) => call('export_columns', { kind }),
  exportRun: (request, format) => call('export_run', { request, format }),
  exportEverything: (lang) => call('export_everything', { lang }),
  // action: open | folder → whether a program could be started for it
  exportReveal: (path, action) => call('export_reveal', { path, action }),
  // Team tasks (issue 6 item 5).
  tasksList: (query = {}) => call('tasks_list', { query }),
  tasksGet: (id) => call('tasks_get', { id }),
  tasksCreate: (input) => call('tasks_create', { input }),
  tasksUpdate: (id, input) => call('tasks_update', { id, input }),
  tasksSetStatus: (id, status) => call('tasks_set_status', { id, status }),
  tasksDelete: (id) => call('tasks_delete', { id }),
  tasksHistory: (id) => call('tasks_history', { id }),
  tasksAttachments: (id) => call('tasks_attachments', { id }),
  tasksAttachPick: (id) => call('tasks_attach_pick', { id }),
  tasksAttachmentOpen: (id) => call('tasks_attachment_open', { id }),
  tasksAttachmentRemove: (id) => call('tasks_attachment_remove', { id }),
  auditList: ({ entity, limit, before } = {}) => {
    const args = {};
    if (entity) args.entity = entity;
    if (limit) args.limit = limit;
    if (before) args.before = before;
    return call('audit_list', args);
  },
};
