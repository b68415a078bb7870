// What the app knows about the session. One object, read by every view.
export const state = {
  appInfo: null, // {version, db_path, setup_done, default_locale, digits}
  me: null, // {user, role} while logged in
  company: null,
  settings: null,
  afterLogin: null, // route asked for before logging in
};

/** The current user's scope for an action on a record type: none | own | all. */
export function scope(docType, action) {
  return state.me?.role?.permissions?.[docType]?.[action] ?? 'none';
}

export function can(docType, action) {
  return scope(docType, action) !== 'none';
}
