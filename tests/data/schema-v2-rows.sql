-- The rows of tests/data/schema-v2.contractscope, the fixture of schema version 2 that every
-- later version must open (tests/test-store.c, /core/store/fixture-v2). Rebuild it with:
--
--   rm -f tests/data/schema-v2.contractscope
--   sqlite3 tests/data/schema-v2.contractscope \
--     ".read src/core/schema/schema-1.sql" ".read src/core/schema/migration-2.sql" \
--     ".read tests/data/schema-v2-rows.sql"
--
-- Once schema version 2 is released, neither file changes again.
PRAGMA application_id = 1129538416;
PRAGMA user_version = 2;
BEGIN;
INSERT INTO project VALUES(1,'Fixture Client','Logistics','Fixture Consultant',NULL,NULL,'EUR',0,40,'','fr',48,10);
INSERT INTO site VALUES(1,'Head office','1 rue de la Gare, Lyon','',1);
INSERT INTO site VALUES(2,'Warehouse','ZI Nord, Villeurbanne','',2);
INSERT INTO asset VALUES(1,'endpoint','Laptops',1,25,3,'IT','Dell','','','');
INSERT INTO asset VALUES(2,'server','SRV-AD01',1,1,1,'IT','HPE','','','');
INSERT INTO asset VALUES(3,'business_application','ERP',NULL,1,1,'Finance','Sage','','','');
INSERT INTO offer VALUES(1,'Fixture Incumbent','incumbent','2026-01-15','',NULL,NULL,1800.0,'month',NULL,'','',1,1);
INSERT INTO offer VALUES(2,'Fixture Proposal','proposal','2026-03-01','',NULL,NULL,NULL,'month',NULL,'','',2,0);
INSERT INTO coverage VALUES(1,1,1,'managed','','');
INSERT INTO coverage VALUES(2,1,2,'managed','','');
INSERT INTO coverage VALUES(3,1,3,'excluded','','');
INSERT INTO exclusion VALUES(1,1,'licences','','excluded','Licences are not included.','',NULL,'',0);
INSERT INTO party VALUES(1,'Client','client',1);
INSERT INTO party VALUES(2,'Provider','provider',2);
INSERT INTO activity VALUES(1,'restore','Restore','backup',1);
INSERT INTO responsibility VALUES(1,1,1,2,'RA','');
INSERT INTO sla_terms VALUES(1,1,31,480,1080,'','','unknown',99.499999999999999998,'',NULL,NULL,'','',NULL,'','');
INSERT INTO sla_terms VALUES(2,2,31,480,1080,'','','unknown',NULL,'',NULL,NULL,'','',NULL,'','');
INSERT INTO sla_target VALUES(1,1,'incident',1,'','',1.0,'hours','business',NULL,'minutes','business','');
INSERT INTO sla_target VALUES(2,1,'incident',2,'','',4.0,'hours','business',NULL,'minutes','business','');
INSERT INTO sla_target VALUES(3,1,'incident',3,'','',1.0,'days','business',NULL,'minutes','business','');
INSERT INTO sla_target VALUES(4,1,'incident',4,'','',3.0,'days','business',NULL,'minutes','business','');
INSERT INTO subcontracting VALUES(1,1,'unknown',NULL,'unknown','unknown','unknown','unknown','','');
INSERT INTO subcontracting VALUES(2,2,'unknown',NULL,'unknown','unknown','unknown','unknown','','');
INSERT INTO exit_terms VALUES(1,1,'unknown',NULL,NULL,'not_stated',NULL,NULL,'unknown','','unknown',NULL,'');
INSERT INTO exit_terms VALUES(2,2,'unknown',NULL,NULL,'not_stated',NULL,NULL,'unknown','','unknown',NULL,'');
INSERT INTO terms VALUES(1,1,'not_stated','','','',NULL,'',NULL,NULL,NULL,'not_stated',NULL,NULL,NULL,'',NULL,'','','','','unknown','','unknown','unknown','','','unknown',NULL,'unknown','unknown','','');
INSERT INTO terms VALUES(2,2,'not_stated','','','',NULL,'',NULL,NULL,NULL,'not_stated',NULL,NULL,NULL,'',NULL,'','','','','unknown','','unknown','unknown','','','unknown',NULL,'unknown','unknown','','');
INSERT INTO checklist_answer VALUES(1,1,'SLA-04','partial',0,'Response is defined as an acknowledgement only.','Annex 2 §1','2026-12-02T10:00:00Z','Fixture Consultant');
INSERT INTO section_weight VALUES(1,'sla',30);
INSERT INTO section_weight VALUES(2,'backup',20);
INSERT INTO section_weight VALUES(3,'exit',50);
INSERT INTO provider_question VALUES(1,1,'BCK-09','How often are restores tested, and which report do we receive?','Annex 4 §2','Quarterly, with a signed report.','2026-12-01',0);
COMMIT;
