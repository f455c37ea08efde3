-- Contract Scope project file: upgrade from schema version 3 to 4.
-- Frozen once released. A new project is created by schema-1.sql followed by every migration,
-- so a new file and an upgraded file have the same schema, statement for statement.
--
-- offer.coverage_default: the coverage of an asset the offer has no coverage row for. Until
--   version 3 that was always "not addressed"; from version 4 a coverage row exists only where
--   an asset's coverage differs from its offer's default or carries a note or a reference.
--   The default is a storage detail: the store reads the effective coverage
--   COALESCE(c.state, o.coverage_default) everywhere, and sets the default itself (never the
--   user) to the state most assets have, so that a perimeter mostly managed stores its
--   exceptions only. 1,000,000 assets × 5 offers, 95 % managed: 5,000,000 coverage rows and
--   their three indexes (419 MB of a 639 MB file) become 250,000.
--
-- The upgrade keeps every effective value: each offer takes the default that leaves the
-- fewest rows (ties keep "not addressed"), the assets that had no row while that default is
-- not "not addressed" get an explicit "not addressed" row, then the rows equal to their
-- offer's default with no note and no reference go.

ALTER TABLE offer ADD COLUMN coverage_default TEXT NOT NULL DEFAULT 'not_addressed' CHECK (coverage_default = 'not_addressed' OR coverage_default = 'managed' OR coverage_default = 'partial' OR coverage_default = 'excluded');

UPDATE offer SET coverage_default = COALESCE((
  SELECT c.state FROM coverage c
  WHERE c.offer_id = offer.id AND c.state <> 'not_addressed' AND c.note = '' AND c.reference = ''
  GROUP BY c.state
  HAVING COUNT(*) > (SELECT COUNT(*) FROM asset)
                    - (SELECT COUNT(*) FROM coverage d WHERE d.offer_id = offer.id
                       AND NOT (d.state = 'not_addressed' AND d.note = '' AND d.reference = ''))
  ORDER BY COUNT(*) DESC, c.state LIMIT 1), 'not_addressed');

INSERT INTO coverage (offer_id, asset_id, state)
  SELECT o.id, a.id, 'not_addressed' FROM offer o CROSS JOIN asset a
  WHERE o.coverage_default <> 'not_addressed'
  AND NOT EXISTS (SELECT 1 FROM coverage c WHERE c.offer_id = o.id AND c.asset_id = a.id);

DELETE FROM coverage WHERE note = '' AND reference = ''
  AND state = (SELECT o.coverage_default FROM offer o WHERE o.id = coverage.offer_id);
