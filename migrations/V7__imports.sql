-- Spreadsheet imports (issue 5): saved column mappings, and every import run recorded as
-- a batch with the records it created or changed, so the whole batch can be undone.

-- A named column mapping, reused for next month's file of the same shape. Columns are
-- matched by their header text (normalised), not their position.
CREATE TABLE import_profiles (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,                -- contacts, products, inquiries, quotes
    name       TEXT NOT NULL,
    mapping    TEXT NOT NULL,                -- JSON: [{"header": "...", "field": "..."}]
    date_order TEXT,                         -- dmy, mdy, or NULL (detect)
    on_duplicate TEXT,                       -- skip, update, create, or NULL
    created_by TEXT REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, name)
);

CREATE TABLE import_batches (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    file_name    TEXT NOT NULL,              -- the file's name only, never its folder
    sheet        TEXT NOT NULL,
    options      TEXT NOT NULL,              -- JSON: mapping, duplicate policy, date order
    rows_total   INTEGER NOT NULL,
    created      INTEGER NOT NULL,
    updated      INTEGER NOT NULL,
    duplicates   INTEGER NOT NULL,
    invalid      INTEGER NOT NULL,
    created_by   TEXT REFERENCES users (id),
    created_at   TEXT NOT NULL,
    undone_at    TEXT,
    undone_by    TEXT REFERENCES users (id)
);
CREATE INDEX import_batches_created ON import_batches (created_at);

-- One row per record the batch wrote. `before` is the record as it was before an update
-- (JSON), so undo can put it back; created records have none.
CREATE TABLE import_batch_items (
    batch_id  TEXT NOT NULL REFERENCES import_batches (id),
    entity    TEXT NOT NULL,                 -- contact, product, inquiry, quote
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('created', 'updated')),
    before    TEXT,
    written_at TEXT NOT NULL,                -- the record's updated_at after the import
    PRIMARY KEY (batch_id, entity, entity_id)
) WITHOUT ROWID;
CREATE INDEX import_batch_items_entity ON import_batch_items (entity, entity_id);
