-- Reminders, notification settings and the delivery log (issue 6).
-- Times are RFC 3339 UTC text like every other table; the wall-clock fields
-- (anchor_local, next_local) are naive local date-times in the notification time zone,
-- because recurrence is planned in local time ("09:00 stays 09:00 across DST").

CREATE TABLE reminders (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    -- The first occurrence as the user typed it, local wall clock (YYYY-MM-DDTHH:MM:SS).
    anchor_local  TEXT NOT NULL,
    -- Linked record: kind + id. Tasks and documents get their tables later; the kind
    -- is checked by the application, so no CHECK list to migrate then.
    link_kind     TEXT,
    link_id       TEXT,
    assignee_id   TEXT NOT NULL REFERENCES users (id),
    repeat        TEXT NOT NULL DEFAULT 'none' CHECK (repeat IN ('none', 'daily', 'weekly', 'monthly', 'yearly')),
    every         INTEGER NOT NULL DEFAULT 1 CHECK (every BETWEEN 1 AND 999),
    weekdays      INTEGER NOT NULL DEFAULT 0,   -- bit 0 = Monday … bit 6 = Sunday
    month_day     INTEGER,                      -- 1..31, or -1 for the last day of the month
    until_on      TEXT,                         -- last local date an occurrence may fall on
    max_count     INTEGER CHECK (max_count IS NULL OR max_count >= 1),
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dismissed')),
    -- The pending occurrence: its 0-based number in the series, wall clock and instant.
    next_index    INTEGER NOT NULL DEFAULT 0,
    next_local    TEXT NOT NULL,
    next_at       TEXT NOT NULL,
    -- Snooze of the pending occurrence; cleared when the series moves on.
    snoozed_until TEXT,
    created_by    TEXT REFERENCES users (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX reminders_due ON reminders (next_at) WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX reminders_assignee ON reminders (assignee_id) WHERE deleted_at IS NULL;
CREATE INDEX reminders_link ON reminders (link_kind, link_id) WHERE link_id IS NOT NULL;

-- What became of each occurrence that was acted on (done or dismissed): the history
-- the daily report and the calendar read.
CREATE TABLE reminder_occurrences (
    reminder_id   TEXT NOT NULL REFERENCES reminders (id),
    occurrence_at TEXT NOT NULL,                -- the occurrence's planned instant
    outcome       TEXT NOT NULL CHECK (outcome IN ('done', 'dismissed')),
    at            TEXT NOT NULL,
    by_user       TEXT REFERENCES users (id),
    PRIMARY KEY (reminder_id, occurrence_at)
) WITHOUT ROWID;

-- Notification settings (one row, id = 1); absent row = defaults.
CREATE TABLE notification_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    time_zone    TEXT,                          -- IANA name; NULL = the computer's zone
    morning_hour INTEGER NOT NULL DEFAULT 9 CHECK (morning_hour BETWEEN 0 AND 23),
    group_over   INTEGER NOT NULL DEFAULT 3 CHECK (group_over BETWEEN 1 AND 100),
    updated_at   TEXT NOT NULL
);

-- Per kind of notification: muted, and the lead time in days for expiry alerts.
-- Kinds without a row use the built-in defaults.
CREATE TABLE notification_kinds (
    kind      TEXT PRIMARY KEY,
    muted     INTEGER NOT NULL DEFAULT 0,
    lead_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 365)
) WITHOUT ROWID;

-- Every notification handed to the user, once: the key makes a second delivery of
-- the same occurrence (after a restart, or by a second process) a no-op.
CREATE TABLE notification_deliveries (
    source_kind   TEXT NOT NULL,                -- reminder, quotation_expiry, inquiry_follow_up…
    source_id     TEXT NOT NULL,
    occurrence_at TEXT NOT NULL,
    recipient_id  TEXT,
    delivered_at  TEXT NOT NULL,
    PRIMARY KEY (source_kind, source_id, occurrence_at)
) WITHOUT ROWID;
