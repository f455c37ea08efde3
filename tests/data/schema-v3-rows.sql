-- The rows schema version 3 adds to tests/data/schema-v2-rows.sql, for the fixture of schema
-- version 3 (tests/data/schema-v3.contractscope, tests/test-store.c /core/store/fixture-v3):
-- a contract document kept for offer 1, its 100 bytes of text compressed with gzip. Rebuild the
-- fixture with:
--
--   rm -f tests/data/schema-v3.contractscope
--   sqlite3 tests/data/schema-v3.contractscope \
--     ".read src/core/schema/schema-1.sql" ".read src/core/schema/migration-2.sql" \
--     ".read tests/data/schema-v2-rows.sql" ".read src/core/schema/migration-3.sql" \
--     ".read tests/data/schema-v3-rows.sql"
--
-- Once schema version 3 is released, neither file changes again.
PRAGMA user_version = 3;
BEGIN;
INSERT INTO contract_document VALUES(1,1,'contrat-infogérance.txt','text/plain',100,'9f0adc37c502c9e4176f1b9758926f7ce9e184003a91c984599d251962bcb90e','2026-12-07T10:00:00Z',X'1f8b080000000000020335c9c10d40401005d0bb2a7e0108210e6e3a902861fdc4246b567666695f1cbceb5bb24b88c484061bf32d8188bc19ad9ada1e6b0fd1203bd56d46a65d498d78c40f510c1d4ed1e2b4fabb148b4bd27f471ca9646bab175fa113b864000000');
COMMIT;
