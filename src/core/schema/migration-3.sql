-- Contract Scope project file: upgrade from schema version 2 to 3.
-- Frozen once released. A new project is created by schema-1.sql followed by every migration,
-- so a new file and an upgraded file have the same schema, statement for statement.
--
-- contract_document: a contract document (PDF, ODT, DOCX, text) the consultant asked to keep
--          in the project, for one offer: its file name, media type, size in bytes and SHA-256
--          (lower-case hex) as read, when it was kept (ISO 8601, UTC), and its bytes compressed
--          with gzip in content. Records never hold content: only the store reads it, one
--          document at a time, and checks it against size and sha256. At most 100 MiB a document.

CREATE TABLE contract_document (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(file_name AS BLOB)) <= 65536),
  media_type TEXT NOT NULL DEFAULT '' CHECK (length(CAST(media_type AS BLOB)) <= 65536),
  size INTEGER NOT NULL DEFAULT 0 CHECK (size BETWEEN 0 AND 104857600),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  stored_at TEXT NOT NULL DEFAULT '' CHECK (length(CAST(stored_at AS BLOB)) <= 65536),
  content BLOB NOT NULL DEFAULT x'' CHECK (length(content) <= 134217728)
) STRICT;
CREATE INDEX contract_document_offer_id ON contract_document (offer_id);

-- The Perimeter list at 1,000,000 assets:
--
-- asset_name_nocase: the Perimeter list sorted by name (cs_store_query_asset_ids(),
--   CS_ASSET_SORT_NAME, "a.name COLLATE NOCASE") is read in index order instead of sorting
--   every asset: 1,000,000 assets, 540 ms → 40 ms; 21 MB at that size.
-- asset_category: the list filtered by category ("a.category IN (…)") reads the matching
--   entries only: one category of four among 1,000,000 assets, 190 ms → 20 ms; 16 MB.
-- backup_scope_policy_id: dropped, the first column of the index of UNIQUE (policy_id,
--   asset_id) already serves every lookup by policy; 14 MB at 1,000,000 assets, which pays
--   for most of the two indexes above.

CREATE INDEX asset_name_nocase ON asset (name COLLATE NOCASE);
CREATE INDEX asset_category ON asset (category);
DROP INDEX backup_scope_policy_id;
