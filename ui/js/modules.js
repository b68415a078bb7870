// The app's modules, in one list for the navigation and the home tiles:
// [key, route path, icon, record type whose read right shows it (null: everyone)].
export const WORK_MODULES = [
  ['contacts', 'contacts', 'contacts', null],
  ['inquiries', 'inquiries', 'inquiries', null],
  ['quotations', 'quotations', 'quotations', null],
  ['catalog', 'catalog', 'catalog', 'product'],
  ['import', 'import', 'import', null],
  ['letters', 'letters', 'letters', null],
  ['reminders', 'reminders', 'bell', 'reminder'],
  ['calendar', 'calendar', 'calendar', null],
  ['tasks', 'tasks', 'tasks', null],
  ['reports', 'reports', 'reports', null],
];

export const ADMIN_MODULES = [
  ['settings', 'settings/company', 'settings', null],
  ['users', 'admin/users', 'users', 'user'],
  ['roles', 'admin/roles', 'roles', 'role'],
  ['audit', 'admin/audit', 'audit', 'audit_log'],
];

/** Modules the logged-in user may open, given `can(docType, action)`. */
export function visible(modules, can) {
  return modules.filter(([, , , docType]) => !docType || can(docType, 'read'));
}
