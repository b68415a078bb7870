-- The money path: catalog → inquiry → quotation → delivery note / invoice.
-- Amounts, quantities and rates are decimals kept as text (e.g. '1250.50', '15'), never
-- floating point. Dates a person picks (issue date, valid till, follow-up) are plain
-- calendar dates 'YYYY-MM-DD'; moments are UTC RFC 3339 like everywhere else.

-- Prices typed into quotations and invoices include VAT (1) or not (0). Each document
-- keeps the value it was made with, so changing the setting never changes old totals.
ALTER TABLE settings ADD COLUMN prices_include_vat INTEGER NOT NULL DEFAULT 0;
-- Terms printed on a new quotation unless the user writes others.
ALTER TABLE settings ADD COLUMN quotation_terms TEXT NOT NULL DEFAULT '';

-- Products, vehicles and services offered by the showroom.
CREATE TABLE products (
    id           TEXT PRIMARY KEY,
    num          INTEGER NOT NULL UNIQUE,      -- stable paging key
    kind         TEXT NOT NULL CHECK (kind IN ('product', 'vehicle', 'service')),
    code         TEXT NOT NULL,
    name_ar      TEXT NOT NULL DEFAULT '',
    name_en      TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    unit         TEXT NOT NULL DEFAULT '',     -- e.g. piece / قطعة, set, hour
    price        TEXT NOT NULL,                -- per unit, as the price setting says
    vat_rate     TEXT NOT NULL,                -- percent
    category     TEXT NOT NULL DEFAULT '',
    -- vehicles only (empty for others)
    make         TEXT NOT NULL DEFAULT '',
    model        TEXT NOT NULL DEFAULT '',
    year         INTEGER,
    trim         TEXT NOT NULL DEFAULT '',
    colour       TEXT NOT NULL DEFAULT '',
    vin          TEXT NOT NULL DEFAULT '',     -- VIN or chassis number, upper case
    stock_status TEXT CHECK (stock_status IN ('available', 'reserved', 'sold')),
    image        BLOB,
    image_mime   TEXT,
    search_norm  TEXT NOT NULL DEFAULT '',     -- normalised code, names, make, model, VIN
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX products_code ON products (code COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX products_vin ON products (vin) WHERE vin <> '' AND deleted_at IS NULL;
CREATE INDEX products_category ON products (category) WHERE deleted_at IS NULL;

-- Inquiries: someone asked about something.
CREATE TABLE inquiries (
    id                   TEXT PRIMARY KEY,
    number               TEXT NOT NULL UNIQUE,
    contact_id           TEXT NOT NULL REFERENCES contacts (id),
    channel              TEXT NOT NULL CHECK (channel IN ('walk_in', 'phone', 'email', 'website', 'social', 'whatsapp')),
    status               TEXT NOT NULL CHECK (status IN ('open', 'contacted', 'replied', 'quoted', 'won', 'lost', 'cancelled')),
    budget               TEXT,                 -- decimal, in `currency`
    currency             TEXT NOT NULL,
    notes                TEXT NOT NULL DEFAULT '',
    owner_id             TEXT REFERENCES users (id),
    follow_up_on         TEXT,                 -- date
    approved_at          TEXT,
    approved_by          TEXT REFERENCES users (id),
    lost_reason          TEXT NOT NULL DEFAULT '',
    competitor           TEXT NOT NULL DEFAULT '',
    closed_at            TEXT,
    closed_automatically INTEGER NOT NULL DEFAULT 0,
    last_activity_at     TEXT NOT NULL,        -- drives closing unanswered inquiries
    created_by           TEXT REFERENCES users (id),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT
);
CREATE INDEX inquiries_contact ON inquiries (contact_id);
CREATE INDEX inquiries_status ON inquiries (status, last_activity_at) WHERE deleted_at IS NULL;
CREATE INDEX inquiries_follow_up ON inquiries (follow_up_on) WHERE deleted_at IS NULL AND follow_up_on IS NOT NULL;

-- What the inquiry is about: catalog items or free text.
CREATE TABLE inquiry_items (
    inquiry_id  TEXT NOT NULL REFERENCES inquiries (id),
    position    INTEGER NOT NULL,
    product_id  TEXT REFERENCES products (id),
    description TEXT NOT NULL DEFAULT '',
    quantity    TEXT NOT NULL DEFAULT '1',
    PRIMARY KEY (inquiry_id, position)
) WITHOUT ROWID;

-- Quotations. A revision is a new row in the same chain (same root_id, revision + 1);
-- the one it replaces becomes 'superseded' and read-only.
CREATE TABLE quotes (
    id                 TEXT PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,   -- QTN-2026-00001, revisions QTN-2026-00001-R1
    root_id            TEXT NOT NULL,          -- id of revision 0 of this chain
    revision           INTEGER NOT NULL DEFAULT 0,
    previous_id        TEXT REFERENCES quotes (id),
    superseded_by      TEXT REFERENCES quotes (id),
    copied_from        TEXT REFERENCES quotes (id),
    inquiry_id         TEXT REFERENCES inquiries (id),
    contact_id         TEXT NOT NULL REFERENCES contacts (id),
    status             TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled', 'superseded')),
    issue_date         TEXT NOT NULL,
    valid_until        TEXT NOT NULL,
    currency           TEXT NOT NULL,
    prices_include_vat INTEGER NOT NULL,
    carry_forward      INTEGER NOT NULL DEFAULT 1, -- show the inquiry's communications
    subtotal           TEXT NOT NULL,          -- before discounts, without VAT
    discount_total     TEXT NOT NULL,
    net_total          TEXT NOT NULL,          -- taxable amount
    vat_total          TEXT NOT NULL,
    total              TEXT NOT NULL,          -- with VAT
    terms              TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    lost_reason        TEXT NOT NULL DEFAULT '',
    competitor         TEXT NOT NULL DEFAULT '',
    owner_id           TEXT REFERENCES users (id),
    sent_at            TEXT,
    decided_at         TEXT,                   -- accepted, rejected, expired or cancelled
    created_by         TEXT REFERENCES users (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE INDEX quotes_contact ON quotes (contact_id);
CREATE INDEX quotes_inquiry ON quotes (inquiry_id) WHERE inquiry_id IS NOT NULL;
CREATE INDEX quotes_root ON quotes (root_id, revision);
CREATE INDEX quotes_expiry ON quotes (valid_until) WHERE status IN ('draft', 'sent') AND deleted_at IS NULL;

CREATE TABLE delivery_notes (
    id            TEXT PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    quote_id      TEXT REFERENCES quotes (id),
    invoice_id    TEXT,                        -- invoices (id), when made together
    contact_id    TEXT NOT NULL REFERENCES contacts (id),
    status        TEXT NOT NULL CHECK (status IN ('issued', 'delivered', 'cancelled')),
    issue_date    TEXT NOT NULL,
    delivered_at  TEXT,
    address       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_by    TEXT REFERENCES users (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX delivery_notes_contact ON delivery_notes (contact_id);
CREATE INDEX delivery_notes_quote ON delivery_notes (quote_id);

CREATE TABLE invoices (
    id                 TEXT PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN ('simplified', 'standard')),
    quote_id           TEXT REFERENCES quotes (id),
    delivery_note_id   TEXT REFERENCES delivery_notes (id),
    contact_id         TEXT NOT NULL REFERENCES contacts (id),
    status             TEXT NOT NULL CHECK (status IN ('issued', 'paid', 'cancelled')),
    issue_date         TEXT NOT NULL,
    issued_at          TEXT NOT NULL,          -- the moment, for the ZATCA QR code
    currency           TEXT NOT NULL,
    prices_include_vat INTEGER NOT NULL,
    subtotal           TEXT NOT NULL,
    discount_total     TEXT NOT NULL,
    net_total          TEXT NOT NULL,
    vat_total          TEXT NOT NULL,
    total              TEXT NOT NULL,
    terms              TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    created_by         TEXT REFERENCES users (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE INDEX invoices_contact ON invoices (contact_id);
CREATE INDEX invoices_quote ON invoices (quote_id);

-- Lines of quotations, delivery notes and invoices (doc_id is the document's id; ids
-- are unique across tables). Every computed figure is stored as printed.
CREATE TABLE document_lines (
    doc_id        TEXT NOT NULL,
    doc_type      TEXT NOT NULL CHECK (doc_type IN ('quotation', 'delivery_note', 'invoice')),
    position      INTEGER NOT NULL,
    product_id    TEXT REFERENCES products (id),
    description   TEXT NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    quantity      TEXT NOT NULL,
    unit_price    TEXT NOT NULL DEFAULT '0',
    discount_kind TEXT NOT NULL DEFAULT 'percent' CHECK (discount_kind IN ('percent', 'amount')),
    discount      TEXT NOT NULL DEFAULT '0',
    vat_rate      TEXT NOT NULL DEFAULT '0',
    gross         TEXT NOT NULL DEFAULT '0',   -- quantity × unit price
    discount_amount TEXT NOT NULL DEFAULT '0',
    net           TEXT NOT NULL DEFAULT '0',   -- without VAT, after discount
    vat           TEXT NOT NULL DEFAULT '0',
    total         TEXT NOT NULL DEFAULT '0',   -- with VAT
    PRIMARY KEY (doc_id, position)
) WITHOUT ROWID;
CREATE INDEX document_lines_product ON document_lines (product_id) WHERE product_id IS NOT NULL;

-- What happened to a sales document, for the contact's timeline and the document's
-- history: created, edited, status changes, approvals, revisions, conversions, prints.
CREATE TABLE sales_events (
    id          TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL REFERENCES contacts (id),
    doc_type    TEXT NOT NULL CHECK (doc_type IN ('inquiry', 'quotation', 'delivery_note', 'invoice')),
    doc_id      TEXT NOT NULL,
    doc_number  TEXT NOT NULL,
    event       TEXT NOT NULL,                 -- created, updated, status, approved, revised, copied, converted, printed, follow_up
    status      TEXT,                          -- the status after the event, if it changed
    detail      TEXT NOT NULL DEFAULT '',      -- e.g. the lost reason, the new document's number
    at          TEXT NOT NULL,
    actor_id    TEXT REFERENCES users (id),
    actor_name  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sales_events_contact ON sales_events (contact_id, at);
CREATE INDEX sales_events_doc ON sales_events (doc_id, at);

-- A communication (call, visit, email…) can be about a document; quotations made from
-- an inquiry show the inquiry's communications too when the CRM setting says so.
ALTER TABLE interactions ADD COLUMN doc_id TEXT;
CREATE INDEX interactions_doc ON interactions (doc_id) WHERE doc_id IS NOT NULL;
