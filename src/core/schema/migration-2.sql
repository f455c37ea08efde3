-- Contract Scope project file: upgrade from schema version 1 to 2.
-- Frozen once released. A new project is created by schema-1.sql followed by every migration,
-- so a new file and an upgraded file have the same schema, statement for statement.
--
-- project: the language of the documents handed over ('' follows the interface) and the
--          comparison's horizon and perimeter growth.
-- offer: whether the offer takes part in the comparison.
-- checklist_answer: who set an answer or override, and when (ISO 8601, UTC).
-- section_weight: the comparison's weight of each checklist group, in percent.
-- provider_question: the questions sent to a provider about an offer, and their answers.

ALTER TABLE project ADD COLUMN language TEXT NOT NULL DEFAULT '' CHECK (language = '' OR language = 'en' OR language = 'fr');
ALTER TABLE project ADD COLUMN compare_horizon_months INTEGER NOT NULL DEFAULT 36 CHECK (compare_horizon_months BETWEEN 1 AND 600);
ALTER TABLE project ADD COLUMN compare_growth_percent INTEGER NOT NULL DEFAULT 0 CHECK (compare_growth_percent BETWEEN 0 AND 1000);

ALTER TABLE offer ADD COLUMN compared INTEGER NOT NULL DEFAULT 1 CHECK (compared = 0 OR compared = 1);

ALTER TABLE checklist_answer ADD COLUMN changed_at TEXT NOT NULL DEFAULT '' CHECK (length(CAST(changed_at AS BLOB)) <= 65536);
ALTER TABLE checklist_answer ADD COLUMN changed_by TEXT NOT NULL DEFAULT '' CHECK (length(CAST(changed_by AS BLOB)) <= 65536);

CREATE TABLE section_weight (
  id INTEGER PRIMARY KEY,
  section TEXT NOT NULL DEFAULT 'perimeter' CHECK (section = 'perimeter' OR section = 'exclusions' OR section = 'responsibilities' OR section = 'sla' OR section = 'backup' OR section = 'security' OR section = 'subcontracting' OR section = 'exit' OR section = 'billing' OR section = 'governance' OR section = 'gdpr'),
  weight INTEGER NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 100),
  UNIQUE (section)
) STRICT;

CREATE TABLE provider_question (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL DEFAULT '' CHECK (length(CAST(item_id AS BLOB)) <= 65536),
  question TEXT NOT NULL DEFAULT '' CHECK (length(CAST(question AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  answer TEXT NOT NULL DEFAULT '' CHECK (length(CAST(answer AS BLOB)) <= 1048576),
  answered TEXT CHECK (answered IS NULL OR answered GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;
CREATE INDEX provider_question_offer_id ON provider_question (offer_id);
