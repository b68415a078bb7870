-- The rest of the customer card: website, addresses, social accounts, custom fields
-- defined by administrators, purchase history, the interaction timeline, and merges
-- (kept whole so a merge can be undone).

ALTER TABLE contacts ADD COLUMN website TEXT NOT NULL DEFAULT '';
-- Set when the contact was merged into another one (it is then soft-deleted too).
ALTER TABLE contacts ADD COLUMN merged_into TEXT REFERENCES contacts (id);

CREATE TABLE contact_addresses (
    id          TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL REFERENCES contacts (id),
    label       TEXT NOT NULL CHECK (label IN ('home', 'work', 'showroom', 'billing', 'delivery', 'other')),
    line        TEXT NOT NULL DEFAULT '',   -- street, district, building
    city        TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',   -- ISO 3166 alpha-2, or '' when unknown
    position    INTEGER NOT NULL
);
CREATE INDEX contact_addresses_contact ON contact_addresses (contact_id);

CREATE TABLE contact_social (
    id         TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    network    TEXT NOT NULL CHECK (network IN ('instagram', 'x', 'facebook', 'linkedin', 'snapchat', 'tiktok', 'telegram', 'youtube', 'other')),
    handle     TEXT NOT NULL,
    position   INTEGER NOT NULL
);
CREATE INDEX contact_social_contact ON contact_social (contact_id);

-- Fields an administrator adds to a record type. `required_kinds` lists the contact
-- kinds for which the field must be filled ("mandatory field rules"); empty means
-- optional. Choices are a JSON array of {"key", "ar", "en"}; keys never change, so
-- renaming a choice keeps the values already saved.
CREATE TABLE custom_fields (
    id             TEXT PRIMARY KEY,
    doc_type       TEXT NOT NULL CHECK (doc_type IN ('contact')),
    label_ar       TEXT NOT NULL,
    label_en       TEXT NOT NULL,
    field_type     TEXT NOT NULL CHECK (field_type IN ('text', 'number', 'date', 'choice')),
    choices        TEXT NOT NULL DEFAULT '[]',
    required_kinds TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);

-- Values as canonical text: numbers as decimal strings, dates as YYYY-MM-DD, choices
-- by key. A field's deletion hides its values but keeps them.
CREATE TABLE contact_field_values (
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    field_id   TEXT NOT NULL REFERENCES custom_fields (id),
    value      TEXT NOT NULL,
    PRIMARY KEY (contact_id, field_id)
) WITHOUT ROWID;

-- What a contact bought. Quotations and invoices fill it; amounts are decimal text.
CREATE TABLE contact_purchases (
    id           TEXT PRIMARY KEY,
    contact_id   TEXT NOT NULL REFERENCES contacts (id),
    doc_type     TEXT NOT NULL,             -- 'invoice', 'quotation', 'manual'
    doc_id       TEXT,
    doc_number   TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    amount       TEXT NOT NULL,
    currency     TEXT NOT NULL,
    purchased_at TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX contact_purchases_contact ON contact_purchases (contact_id, purchased_at);

-- Calls, visits, emails, messages and notes: the contact's timeline.
CREATE TABLE interactions (
    id          TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL REFERENCES contacts (id),
    kind        TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'email', 'message', 'note')),
    direction   TEXT CHECK (direction IN ('in', 'out')),
    outcome     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    occurred_at TEXT NOT NULL,
    created_by  TEXT REFERENCES users (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX interactions_contact ON interactions (contact_id, occurred_at);

-- A merge, kept whole: the contacts as they were, and which linked rows moved, so
-- undoing puts every row back where it was.
CREATE TABLE contact_merges (
    id          TEXT PRIMARY KEY,
    survivor_id TEXT NOT NULL REFERENCES contacts (id),
    merged_ids  TEXT NOT NULL,   -- JSON array of contact ids
    merged_names TEXT NOT NULL,  -- their names at the time, for the timeline
    snapshot    TEXT NOT NULL,   -- JSON: every contact as it was before the merge
    moved       TEXT NOT NULL,   -- JSON: {"table": ["row id", ...]}
    merged_by   TEXT REFERENCES users (id),
    merged_at   TEXT NOT NULL,
    undone_by   TEXT REFERENCES users (id),
    undone_at   TEXT
);
CREATE INDEX contact_merges_survivor ON contact_merges (survivor_id, merged_at);
