-- Contract Scope project file: upgrade from schema version 2 to 3 — the Perimeter list at
-- 1,000,000 assets (issue 15).
-- Frozen once released. Self-contained: other parts of migration 3 may sit beside this block.
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
