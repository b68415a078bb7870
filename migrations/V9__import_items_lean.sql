-- Nothing looks up an import's records by the record (undo reads a batch's items by
-- batch id, the primary key); the index cost a B-tree insertion per imported record and
-- about a tenth of the database a large import writes.
DROP INDEX import_batch_items_entity;
