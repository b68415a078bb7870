-- Contacts (customers, leads, companies) with their phones, emails and tags, and two
-- search indexes kept in step by the application (contentless FTS5: they hold only the
-- normalised search text, never a second copy of the data).

CREATE TABLE contacts (
    -- Stable integer key for the search indexes (a plain rowid may change on VACUUM).
    num               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL CHECK (kind IN ('lead', 'customer', 'company')),
    name_ar           TEXT NOT NULL DEFAULT '',
    name_latin        TEXT NOT NULL DEFAULT '',
    company_name      TEXT NOT NULL DEFAULT '',
    job_title         TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    source            TEXT CHECK (source IN ('walk_in', 'phone', 'website', 'social_media', 'referral', 'campaign', 'other')),
    preferred_channel TEXT CHECK (preferred_channel IN ('phone', 'whatsapp', 'email', 'sms', 'visit')),
    owner_id          TEXT REFERENCES users (id),
    notes             TEXT NOT NULL DEFAULT '',
    -- Normalised display name: search ranks names that start with the query first.
    name_norm         TEXT NOT NULL DEFAULT '',
    -- Normalised name and city, for duplicate hints ("same name in the same city").
    name_key          TEXT NOT NULL DEFAULT '',
    created_by        TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);
CREATE INDEX contacts_owner ON contacts (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_name_key ON contacts (name_key) WHERE deleted_at IS NULL AND name_key <> '';

CREATE TABLE contact_phones (
    id         TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    label      TEXT NOT NULL CHECK (label IN ('mobile', 'work', 'whatsapp', 'home', 'other')),
    raw        TEXT NOT NULL,   -- as typed, for display
    e164       TEXT NOT NULL,   -- +966551234567
    national   TEXT NOT NULL,   -- 551234567, for "last digits" search
    position   INTEGER NOT NULL
);
CREATE INDEX contact_phones_contact ON contact_phones (contact_id);
CREATE INDEX contact_phones_e164 ON contact_phones (e164);

CREATE TABLE contact_emails (
    id         TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    email      TEXT NOT NULL,   -- lower-cased
    position   INTEGER NOT NULL
);
CREATE INDEX contact_emails_contact ON contact_emails (contact_id);
CREATE INDEX contact_emails_email ON contact_emails (email);

CREATE TABLE contact_tags (
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    tag        TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX contact_tags_tag ON contact_tags (tag);

-- Words of names, company, title, city, notes, tags and emails, normalised (see
-- search::normalize). Word-prefix queries use the 2- and 3-letter prefix indexes.
CREATE VIRTUAL TABLE contacts_fts USING fts5(
    body, content = '', contentless_delete = 1, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Phone digits (national and international forms), for substring search such as the
-- last 4-7 digits.
CREATE VIRTUAL TABLE contacts_phone_fts USING fts5(
    digits, content = '', contentless_delete = 1, tokenize = 'trigram'
);
