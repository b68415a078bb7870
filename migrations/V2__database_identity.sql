-- A stable identity for this database file, for sync and for telling backups apart.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO app_meta (key, value)
VALUES ('database_id', lower(hex(randomblob(16)))),
       ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
