-- Contact lists sorted by name, by creation or by last change, without search text:
-- each index is in the list's order (the number breaks ties and is the paging key), so a
-- page is read straight off the index however many contacts there are. Partial on live
-- rows, as lists never show deleted contacts.
CREATE INDEX contacts_list_name ON contacts (name_norm, num) WHERE deleted_at IS NULL;
CREATE INDEX contacts_list_created ON contacts (created_at, num) WHERE deleted_at IS NULL;
CREATE INDEX contacts_list_updated ON contacts (updated_at, num) WHERE deleted_at IS NULL;

-- Exact phone matches rank first in a phone search: typed as the national number, with
-- or without its trunk 0, they are found here without reading every candidate.
CREATE INDEX contact_phones_national ON contact_phones (national);
