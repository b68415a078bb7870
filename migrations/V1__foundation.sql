-- Foundation: company profile, settings, numbering series, roles and permissions,
-- users, audit log.
-- Conventions for every table that holds records:
--   id          TEXT UUIDv7 (time-ordered, unique across devices: ready for sync)
--   created_at  TEXT RFC 3339 UTC with milliseconds, e.g. 2026-11-23T08:15:00.000Z
--   updated_at  same format, bumped on every change
--   deleted_at  NULL while live; set instead of deleting the row (tombstone for sync)

-- The company (a single row, id = 1).
CREATE TABLE company (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name_ar          TEXT NOT NULL,
    name_en          TEXT NOT NULL DEFAULT '',
    logo             BLOB,
    logo_mime        TEXT,
    address_ar       TEXT NOT NULL DEFAULT '',
    address_en       TEXT NOT NULL DEFAULT '',
    phones           TEXT NOT NULL DEFAULT '[]',      -- JSON array of strings
    email            TEXT NOT NULL DEFAULT '',
    website          TEXT NOT NULL DEFAULT '',
    tax_number       TEXT NOT NULL DEFAULT '',
    country          TEXT NOT NULL,                   -- ISO 3166-1 alpha-2, e.g. SA
    currency         TEXT NOT NULL,                   -- ISO 4217, e.g. SAR
    default_vat_rate TEXT NOT NULL DEFAULT '15',      -- percent, decimal as text
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- CRM, display and security settings (a single row, id = 1).
CREATE TABLE settings (
    id                                INTEGER PRIMARY KEY CHECK (id = 1),
    allow_lead_duplicates_by_email    INTEGER NOT NULL DEFAULT 0,
    auto_create_contact_for_lead      INTEGER NOT NULL DEFAULT 1,
    close_unanswered_inquiries_days   INTEGER NOT NULL DEFAULT 0,   -- 0 = never
    default_quotation_validity_days   INTEGER NOT NULL DEFAULT 15,
    carry_forward_communications      INTEGER NOT NULL DEFAULT 1,
    digits                            TEXT NOT NULL DEFAULT 'latn' CHECK (digits IN ('latn', 'arab')),
    default_locale                    TEXT NOT NULL DEFAULT 'ar' CHECK (default_locale IN ('ar', 'en')),
    max_failed_logins                 INTEGER NOT NULL DEFAULT 5 CHECK (max_failed_logins BETWEEN 1 AND 100),
    updated_at                        TEXT NOT NULL
);

-- Document numbering series, one per document type.
-- pattern placeholders: {YYYY} year, {YY} two-digit year, {MM} month, {#} the counter,
-- zero-padded to `padding` digits.
CREATE TABLE number_series (
    doc_type     TEXT PRIMARY KEY,
    pattern      TEXT NOT NULL,
    padding      INTEGER NOT NULL DEFAULT 5 CHECK (padding BETWEEN 1 AND 12),
    next_number  INTEGER NOT NULL DEFAULT 1 CHECK (next_number >= 1),
    reset_yearly INTEGER NOT NULL DEFAULT 1,
    last_year    INTEGER,
    updated_at   TEXT NOT NULL
);

CREATE TABLE roles (
    id          TEXT PRIMARY KEY,
    -- built-in roles carry a fixed key (system_manager, sales_manager, sales_user)
    builtin_key TEXT UNIQUE,
    name_ar     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

-- One row per (role, record type, action) that is granted; absence means "none".
CREATE TABLE role_permissions (
    role_id  TEXT NOT NULL REFERENCES roles (id),
    doc_type TEXT NOT NULL,
    action   TEXT NOT NULL CHECK (action IN ('read', 'write', 'create', 'delete', 'submit', 'cancel')),
    scope    TEXT NOT NULL CHECK (scope IN ('own', 'all')),
    PRIMARY KEY (role_id, doc_type, action)
) WITHOUT ROWID;

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL COLLATE NOCASE,
    full_name     TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,                      -- argon2id PHC string
    role_id       TEXT NOT NULL REFERENCES roles (id),
    locale        TEXT CHECK (locale IN ('ar', 'en')),
    enabled       INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_at     TEXT,
    last_login_at TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE UNIQUE INDEX users_username ON users (username) WHERE deleted_at IS NULL;

-- Every change, with who made it and the record before and after (JSON).
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   TEXT,              -- users.id; NULL for the command line or the system
    actor_name TEXT NOT NULL,     -- kept as text so the log reads the same after renames
    action     TEXT NOT NULL,     -- e.g. user.create, settings.update
    entity     TEXT NOT NULL,     -- record type
    entity_id  TEXT,
    before     TEXT,              -- JSON or NULL
    after      TEXT               -- JSON or NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
