-- Contract Scope project file, schema version 1.
-- Frozen: a released schema never changes; later versions add migrations.
--
-- Choice columns are checked with "col = 'a' OR col = 'b' …", never "col IN ('a', 'b', …)":
-- SQLite builds an ephemeral table for an IN list of more than two constants each time a
-- prepared INSERT or UPDATE runs, which made the CHECK cost more than the insert itself
-- (importing 100,000 assets: 0.34 s with IN lists, 0.14 s with OR chains). Same meaning,
-- NULL included.

CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  client_name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(client_name AS BLOB)) <= 65536),
  sector TEXT NOT NULL DEFAULT '' CHECK (length(CAST(sector AS BLOB)) <= 65536),
  consultant TEXT NOT NULL DEFAULT '' CHECK (length(CAST(consultant AS BLOB)) <= 65536),
  start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  end_date TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  currency TEXT NOT NULL DEFAULT '' CHECK (length(CAST(currency AS BLOB)) <= 65536),
  regulated INTEGER NOT NULL DEFAULT 0 CHECK (regulated = 0 OR regulated = 1),
  users INTEGER NOT NULL DEFAULT 0 CHECK (users BETWEEN 0 AND 2147483647),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(CAST(notes AS BLOB)) <= 1048576)
) STRICT;

CREATE TABLE site (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(name AS BLOB)) <= 65536),
  address TEXT NOT NULL DEFAULT '' CHECK (length(CAST(address AS BLOB)) <= 65536),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(CAST(notes AS BLOB)) <= 1048576),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;

CREATE TABLE asset (
  id INTEGER PRIMARY KEY,
  category TEXT NOT NULL DEFAULT 'endpoint' CHECK (category = 'endpoint' OR category = 'server' OR category = 'switch' OR category = 'firewall' OR category = 'wifi_ap' OR category = 'nas' OR category = 'saas_tenant' OR category = 'cloud_tenant' OR category = 'backup_system' OR category = 'telephony' OR category = 'remote_device' OR category = 'printer' OR category = 'business_application' OR category = 'other'),
  name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(name AS BLOB)) <= 65536),
  site_id INTEGER REFERENCES site (id) ON DELETE SET NULL,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 0 AND 2147483647),
  criticality INTEGER NOT NULL DEFAULT 2 CHECK (criticality BETWEEN 1 AND 4),
  owner TEXT NOT NULL DEFAULT '' CHECK (length(CAST(owner AS BLOB)) <= 65536),
  vendor TEXT NOT NULL DEFAULT '' CHECK (length(CAST(vendor AS BLOB)) <= 65536),
  model TEXT NOT NULL DEFAULT '' CHECK (length(CAST(model AS BLOB)) <= 65536),
  serial TEXT NOT NULL DEFAULT '' CHECK (length(CAST(serial AS BLOB)) <= 65536),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(CAST(notes AS BLOB)) <= 1048576)
) STRICT;
CREATE INDEX asset_site_id ON asset (site_id);
-- Scoring reads the critical assets only (cs_store_count_coverage(), level 1). Partial: a full
-- index on criticality cost a fifth of the work of importing 100,000 assets, this one a
-- fourth of that.
CREATE INDEX asset_critical ON asset (criticality) WHERE criticality = 1;

CREATE TABLE offer (
  id INTEGER PRIMARY KEY,
  provider TEXT NOT NULL DEFAULT '' CHECK (length(CAST(provider AS BLOB)) <= 65536),
  kind TEXT NOT NULL DEFAULT 'proposal' CHECK (kind = 'proposal' OR kind = 'incumbent'),
  received TEXT CHECK (received IS NULL OR received GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  term_months REAL,
  price_one_off REAL,
  price_recurring REAL,
  price_period TEXT NOT NULL DEFAULT 'month' CHECK (price_period = 'month' OR price_period = 'quarter' OR price_period = 'year'),
  price_per_unit REAL,
  price_unit TEXT NOT NULL DEFAULT '' CHECK (length(CAST(price_unit AS BLOB)) <= 65536),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(CAST(notes AS BLOB)) <= 1048576),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;

CREATE TABLE coverage (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  asset_id INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'not_addressed' CHECK (state = 'not_addressed' OR state = 'managed' OR state = 'partial' OR state = 'excluded'),
  note TEXT NOT NULL DEFAULT '' CHECK (length(CAST(note AS BLOB)) <= 65536),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id, asset_id)
) STRICT;
-- Both cover what scoring counts (cs_store_count_coverage()): the states of an offer, and
-- the offers managing an asset, read from the index alone.
CREATE INDEX coverage_offer_state ON coverage (offer_id, state, asset_id);
CREATE INDEX coverage_asset_state ON coverage (asset_id, state, offer_id);

CREATE TABLE exclusion (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  category TEXT NOT NULL DEFAULT '' CHECK (length(CAST(category AS BLOB)) <= 65536),
  label TEXT NOT NULL DEFAULT '' CHECK (length(CAST(label AS BLOB)) <= 65536),
  decision TEXT NOT NULL DEFAULT 'not_stated' CHECK (decision = 'not_stated' OR decision = 'excluded' OR decision = 'included'),
  wording TEXT NOT NULL DEFAULT '' CHECK (length(CAST(wording AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  price REAL,
  price_unit TEXT NOT NULL DEFAULT '' CHECK (length(CAST(price_unit AS BLOB)) <= 65536),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;
CREATE INDEX exclusion_offer_id ON exclusion (offer_id);

CREATE TABLE party (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(name AS BLOB)) <= 65536),
  kind TEXT NOT NULL DEFAULT 'client' CHECK (kind = 'client' OR kind = 'provider' OR kind = 'subcontractor' OR kind = 'vendor' OR kind = 'other'),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;

CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL DEFAULT '' CHECK (length(CAST(key AS BLOB)) <= 65536),
  name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(name AS BLOB)) <= 65536),
  area TEXT NOT NULL DEFAULT '' CHECK (length(CAST(area AS BLOB)) <= 65536),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;

CREATE TABLE responsibility (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL REFERENCES party (id) ON DELETE CASCADE,
  roles TEXT NOT NULL DEFAULT '' CHECK (length(CAST(roles AS BLOB)) <= 65536),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id, activity_id, party_id)
) STRICT;
CREATE INDEX responsibility_offer_id ON responsibility (offer_id);
CREATE INDEX responsibility_activity_id ON responsibility (activity_id);
CREATE INDEX responsibility_party_id ON responsibility (party_id);

CREATE TABLE sla_terms (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  window_days INTEGER NOT NULL DEFAULT 31 CHECK (window_days BETWEEN 0 AND 127),
  window_start INTEGER NOT NULL DEFAULT 480 CHECK (window_start BETWEEN 0 AND 1440),
  window_end INTEGER NOT NULL DEFAULT 1080 CHECK (window_end BETWEEN 0 AND 1440),
  time_zone TEXT NOT NULL DEFAULT '' CHECK (length(CAST(time_zone AS BLOB)) <= 65536),
  holidays TEXT NOT NULL DEFAULT '' CHECK (length(CAST(holidays AS BLOB)) <= 65536),
  oncall_p1 TEXT NOT NULL DEFAULT 'unknown' CHECK (oncall_p1 = 'unknown' OR oncall_p1 = 'yes' OR oncall_p1 = 'no'),
  availability_target REAL,
  availability_period TEXT NOT NULL DEFAULT '' CHECK (length(CAST(availability_period AS BLOB)) <= 65536),
  maintenance_hours REAL,
  maintenance_notice_days REAL,
  escalation TEXT NOT NULL DEFAULT '' CHECK (length(CAST(escalation AS BLOB)) <= 1048576),
  credits TEXT NOT NULL DEFAULT '' CHECK (length(CAST(credits AS BLOB)) <= 1048576),
  credits_cap_percent REAL,
  reporting TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reporting AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id)
) STRICT;

CREATE TABLE sla_target (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'incident' CHECK (kind = 'incident' OR kind = 'request'),
  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 4),
  definition TEXT NOT NULL DEFAULT '' CHECK (length(CAST(definition AS BLOB)) <= 1048576),
  examples TEXT NOT NULL DEFAULT '' CHECK (length(CAST(examples AS BLOB)) <= 1048576),
  response_value REAL,
  response_unit TEXT NOT NULL DEFAULT 'minutes' CHECK (response_unit = 'minutes' OR response_unit = 'hours' OR response_unit = 'days'),
  response_clock TEXT NOT NULL DEFAULT 'business' CHECK (response_clock = 'business' OR response_clock = 'calendar'),
  resolution_value REAL,
  resolution_unit TEXT NOT NULL DEFAULT 'minutes' CHECK (resolution_unit = 'minutes' OR resolution_unit = 'hours' OR resolution_unit = 'days'),
  resolution_clock TEXT NOT NULL DEFAULT 'business' CHECK (resolution_clock = 'business' OR resolution_clock = 'calendar'),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id, kind, priority)
) STRICT;
CREATE INDEX sla_target_offer_id ON sla_target (offer_id);

CREATE TABLE backup_policy (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(name AS BLOB)) <= 65536),
  scope TEXT NOT NULL DEFAULT '' CHECK (length(CAST(scope AS BLOB)) <= 1048576),
  frequency_hours REAL,
  retention_days REAL,
  rpo_hours REAL,
  rto_hours REAL,
  offline_copy TEXT NOT NULL DEFAULT 'unknown' CHECK (offline_copy = 'unknown' OR offline_copy = 'yes' OR offline_copy = 'no'),
  immutable_copy TEXT NOT NULL DEFAULT 'unknown' CHECK (immutable_copy = 'unknown' OR immutable_copy = 'yes' OR immutable_copy = 'no'),
  offsite_location TEXT NOT NULL DEFAULT '' CHECK (length(CAST(offsite_location AS BLOB)) <= 65536),
  offsite_country TEXT NOT NULL DEFAULT '' CHECK (length(CAST(offsite_country AS BLOB)) <= 65536),
  encrypted TEXT NOT NULL DEFAULT 'unknown' CHECK (encrypted = 'unknown' OR encrypted = 'yes' OR encrypted = 'no'),
  key_holder TEXT NOT NULL DEFAULT '' CHECK (length(CAST(key_holder AS BLOB)) <= 65536),
  restore_test_months REAL,
  restore_evidence TEXT NOT NULL DEFAULT '' CHECK (length(CAST(restore_evidence AS BLOB)) <= 65536),
  monitoring TEXT NOT NULL DEFAULT '' CHECK (length(CAST(monitoring AS BLOB)) <= 1048576),
  escalation TEXT NOT NULL DEFAULT '' CHECK (length(CAST(escalation AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;
CREATE INDEX backup_policy_offer_id ON backup_policy (offer_id);

CREATE TABLE backup_scope (
  id INTEGER PRIMARY KEY,
  policy_id INTEGER NOT NULL REFERENCES backup_policy (id) ON DELETE CASCADE,
  asset_id INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
  UNIQUE (policy_id, asset_id)
) STRICT;
CREATE INDEX backup_scope_policy_id ON backup_scope (policy_id);
CREATE INDEX backup_scope_asset_policy ON backup_scope (asset_id, policy_id);

CREATE TABLE security_control (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  control TEXT NOT NULL DEFAULT '' CHECK (length(CAST(control AS BLOB)) <= 65536),
  status TEXT NOT NULL DEFAULT 'not_stated' CHECK (status = 'not_stated' OR status = 'committed' OR status = 'partial' OR status = 'absent' OR status = 'not_applicable'),
  detail TEXT NOT NULL DEFAULT '' CHECK (length(CAST(detail AS BLOB)) <= 1048576),
  proof TEXT NOT NULL DEFAULT '' CHECK (length(CAST(proof AS BLOB)) <= 65536),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id, control)
) STRICT;
CREATE INDEX security_control_offer_id ON security_control (offer_id);

CREATE TABLE subcontracting (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  allowed TEXT NOT NULL DEFAULT 'unknown' CHECK (allowed = 'unknown' OR allowed = 'yes' OR allowed = 'no'),
  notice_days REAL,
  right_to_object TEXT NOT NULL DEFAULT 'unknown' CHECK (right_to_object = 'unknown' OR right_to_object = 'yes' OR right_to_object = 'no'),
  flow_down TEXT NOT NULL DEFAULT 'unknown' CHECK (flow_down = 'unknown' OR flow_down = 'yes' OR flow_down = 'no'),
  liability_kept TEXT NOT NULL DEFAULT 'unknown' CHECK (liability_kept = 'unknown' OR liability_kept = 'yes' OR liability_kept = 'no'),
  chain_allowed TEXT NOT NULL DEFAULT 'unknown' CHECK (chain_allowed = 'unknown' OR chain_allowed = 'yes' OR chain_allowed = 'no'),
  excluded_activities TEXT NOT NULL DEFAULT '' CHECK (length(CAST(excluded_activities AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id)
) STRICT;

CREATE TABLE subcontractor (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  name TEXT NOT NULL DEFAULT '' CHECK (length(CAST(name AS BLOB)) <= 65536),
  service TEXT NOT NULL DEFAULT '' CHECK (length(CAST(service AS BLOB)) <= 65536),
  country TEXT NOT NULL DEFAULT '' CHECK (length(CAST(country AS BLOB)) <= 65536),
  parent_company TEXT NOT NULL DEFAULT '' CHECK (length(CAST(parent_company AS BLOB)) <= 65536),
  personal_data TEXT NOT NULL DEFAULT 'unknown' CHECK (personal_data = 'unknown' OR personal_data = 'yes' OR personal_data = 'no'),
  gdpr_subprocessor TEXT NOT NULL DEFAULT 'unknown' CHECK (gdpr_subprocessor = 'unknown' OR gdpr_subprocessor = 'yes' OR gdpr_subprocessor = 'no'),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;
CREATE INDEX subcontractor_offer_id ON subcontractor (offer_id);

CREATE TABLE exit_terms (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  clause_present TEXT NOT NULL DEFAULT 'unknown' CHECK (clause_present = 'unknown' OR clause_present = 'yes' OR clause_present = 'no'),
  plan_delivery_months REAL,
  transition_days REAL,
  assistance_mode TEXT NOT NULL DEFAULT 'not_stated' CHECK (assistance_mode = 'not_stated' OR assistance_mode = 'included' OR assistance_mode = 'fixed' OR assistance_mode = 'rate_card' OR assistance_mode = 'on_quotation'),
  assistance_price REAL,
  retrieval_days REAL,
  erasure_certificate TEXT NOT NULL DEFAULT 'unknown' CHECK (erasure_certificate = 'unknown' OR erasure_certificate = 'yes' OR erasure_certificate = 'no'),
  triggers TEXT NOT NULL DEFAULT '' CHECK (length(CAST(triggers AS BLOB)) <= 1048576),
  stressed_exit TEXT NOT NULL DEFAULT 'unknown' CHECK (stressed_exit = 'unknown' OR stressed_exit = 'yes' OR stressed_exit = 'no'),
  knowledge_transfer_hours REAL,
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id)
) STRICT;

CREATE TABLE exit_deliverable (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  item TEXT NOT NULL DEFAULT '' CHECK (length(CAST(item AS BLOB)) <= 65536),
  label TEXT NOT NULL DEFAULT '' CHECK (length(CAST(label AS BLOB)) <= 65536),
  format TEXT NOT NULL DEFAULT '' CHECK (length(CAST(format AS BLOB)) <= 65536),
  deadline_days REAL,
  owner TEXT NOT NULL DEFAULT '' CHECK (length(CAST(owner AS BLOB)) <= 65536),
  price REAL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'delivered' OR status = 'verified'),
  status_date TEXT CHECK (status_date IS NULL OR status_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  verifier TEXT NOT NULL DEFAULT '' CHECK (length(CAST(verifier AS BLOB)) <= 65536),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;
CREATE INDEX exit_deliverable_offer_id ON exit_deliverable (offer_id);

CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  billing_model TEXT NOT NULL DEFAULT 'not_stated' CHECK (billing_model = 'not_stated' OR billing_model = 'flat' OR billing_model = 'per_user' OR billing_model = 'per_device' OR billing_model = 'block_hours' OR billing_model = 'time_and_materials' OR billing_model = 'mixed'),
  unit_prices TEXT NOT NULL DEFAULT '' CHECK (length(CAST(unit_prices AS BLOB)) <= 1048576),
  unit_counting TEXT NOT NULL DEFAULT '' CHECK (length(CAST(unit_counting AS BLOB)) <= 1048576),
  change_procedure TEXT NOT NULL DEFAULT '' CHECK (length(CAST(change_procedure AS BLOB)) <= 1048576),
  minimum_commitment REAL,
  revision_index TEXT NOT NULL DEFAULT '' CHECK (length(CAST(revision_index AS BLOB)) <= 65536),
  revision_cap_percent REAL,
  start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  term_months REAL,
  renewal_mode TEXT NOT NULL DEFAULT 'not_stated' CHECK (renewal_mode = 'not_stated' OR renewal_mode = 'none' OR renewal_mode = 'tacit' OR renewal_mode = 'express'),
  renewal_months REAL,
  notice_days REAL,
  internal_lead_days REAL,
  early_termination TEXT NOT NULL DEFAULT '' CHECK (length(CAST(early_termination AS BLOB)) <= 1048576),
  liability_cap REAL,
  insurance TEXT NOT NULL DEFAULT '' CHECK (length(CAST(insurance AS BLOB)) <= 1048576),
  governance_meetings TEXT NOT NULL DEFAULT '' CHECK (length(CAST(governance_meetings AS BLOB)) <= 1048576),
  reports TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reports AS BLOB)) <= 1048576),
  audit_rights TEXT NOT NULL DEFAULT '' CHECK (length(CAST(audit_rights AS BLOB)) <= 1048576),
  dpa_present TEXT NOT NULL DEFAULT 'unknown' CHECK (dpa_present = 'unknown' OR dpa_present = 'yes' OR dpa_present = 'no'),
  processing_description TEXT NOT NULL DEFAULT '' CHECK (length(CAST(processing_description AS BLOB)) <= 1048576),
  instructions TEXT NOT NULL DEFAULT 'unknown' CHECK (instructions = 'unknown' OR instructions = 'yes' OR instructions = 'no'),
  confidentiality TEXT NOT NULL DEFAULT 'unknown' CHECK (confidentiality = 'unknown' OR confidentiality = 'yes' OR confidentiality = 'no'),
  security_measures TEXT NOT NULL DEFAULT '' CHECK (length(CAST(security_measures AS BLOB)) <= 1048576),
  subprocessors TEXT NOT NULL DEFAULT '' CHECK (length(CAST(subprocessors AS BLOB)) <= 1048576),
  assistance TEXT NOT NULL DEFAULT 'unknown' CHECK (assistance = 'unknown' OR assistance = 'yes' OR assistance = 'no'),
  breach_notification_hours REAL,
  return_deletion TEXT NOT NULL DEFAULT 'unknown' CHECK (return_deletion = 'unknown' OR return_deletion = 'yes' OR return_deletion = 'no'),
  gdpr_audits TEXT NOT NULL DEFAULT 'unknown' CHECK (gdpr_audits = 'unknown' OR gdpr_audits = 'yes' OR gdpr_audits = 'no'),
  transfers TEXT NOT NULL DEFAULT '' CHECK (length(CAST(transfers AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id)
) STRICT;

CREATE TABLE clause (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  section TEXT NOT NULL DEFAULT 'dashboard' CHECK (section = 'dashboard' OR section = 'perimeter' OR section = 'exclusions' OR section = 'responsibilities' OR section = 'sla' OR section = 'backup' OR section = 'security' OR section = 'subcontracting' OR section = 'exit' OR section = 'terms'),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  text TEXT NOT NULL DEFAULT '' CHECK (length(CAST(text AS BLOB)) <= 1048576),
  position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 2147483647)
) STRICT;
CREATE INDEX clause_offer_id ON clause (offer_id);

CREATE TABLE checklist_answer (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL DEFAULT '' CHECK (length(CAST(item_id AS BLOB)) <= 65536),
  status TEXT NOT NULL DEFAULT 'satisfied' CHECK (status = 'satisfied' OR status = 'partial' OR status = 'missing' OR status = 'not_applicable'),
  override INTEGER NOT NULL DEFAULT 0 CHECK (override = 0 OR override = 1),
  justification TEXT NOT NULL DEFAULT '' CHECK (length(CAST(justification AS BLOB)) <= 1048576),
  reference TEXT NOT NULL DEFAULT '' CHECK (length(CAST(reference AS BLOB)) <= 65536),
  UNIQUE (offer_id, item_id)
) STRICT;
CREATE INDEX checklist_answer_offer_id ON checklist_answer (offer_id);

CREATE TABLE import_mapping (
  id INTEGER PRIMARY KEY,
  signature TEXT NOT NULL DEFAULT '' CHECK (length(CAST(signature AS BLOB)) <= 65536),
  mapping TEXT NOT NULL DEFAULT '' CHECK (length(CAST(mapping AS BLOB)) <= 1048576),
  UNIQUE (signature)
) STRICT;

