-- Team tasks (issue 6 item 5): assignees, status history and attachments.
-- Times are RFC 3339 UTC text like every other table. The due date is a local date
-- (YYYY-MM-DD) with an optional local time (HH:MM): "by Thursday" is a date, not an
-- instant, and the calendar and the task-due alert read the day.

CREATE TABLE tasks (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    -- Linked record (contact, inquiry, quotation); the kind is checked by the application.
    link_kind         TEXT,
    link_id           TEXT,
    priority          TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    estimate_minutes  INTEGER CHECK (estimate_minutes IS NULL OR estimate_minutes BETWEEN 1 AND 100000),
    due_on            TEXT,
    due_time          TEXT CHECK (due_time IS NULL OR due_on IS NOT NULL),
    status            TEXT NOT NULL DEFAULT 'to_do' CHECK (status IN ('to_do', 'in_progress', 'done', 'cancelled')),
    status_changed_at TEXT NOT NULL,
    status_changed_by TEXT REFERENCES users (id),
    created_by        TEXT REFERENCES users (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);
CREATE INDEX tasks_due ON tasks (due_on) WHERE deleted_at IS NULL;
CREATE INDEX tasks_link ON tasks (link_kind, link_id) WHERE link_id IS NOT NULL;
CREATE INDEX tasks_created_by ON tasks (created_by) WHERE deleted_at IS NULL;

CREATE TABLE task_assignees (
    task_id     TEXT NOT NULL REFERENCES tasks (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    assigned_at TEXT NOT NULL,
    assigned_by TEXT REFERENCES users (id),
    PRIMARY KEY (task_id, user_id)
) WITHOUT ROWID;
CREATE INDEX task_assignees_user ON task_assignees (user_id);

-- Every status a task took: created (from NULL) and each change, who and when. The
-- daily report's "tasks done by U on day D" is one range scan on this index.
CREATE TABLE task_events (
    id          TEXT PRIMARY KEY,
    task_id     TEXT NOT NULL REFERENCES tasks (id),
    at          TEXT NOT NULL,
    by_user     TEXT REFERENCES users (id),
    from_status TEXT,
    to_status   TEXT NOT NULL
);
CREATE INDEX task_events_task ON task_events (task_id, at);
CREATE INDEX task_events_by_day ON task_events (to_status, by_user, at);

-- Files attached to a task, copied into the data folder (tasks/attachments/<id>/<name>)
-- so the task keeps them when the original is moved or deleted.
CREATE TABLE task_attachments (
    id          TEXT PRIMARY KEY,
    task_id     TEXT NOT NULL REFERENCES tasks (id),
    file_name   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    -- Relative to the folder holding the database, with '/' separators.
    stored_path TEXT NOT NULL,
    added_by    TEXT REFERENCES users (id),
    added_at    TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX task_attachments_task ON task_attachments (task_id) WHERE deleted_at IS NULL;
