-- The rows of tests/data/schema-v3-coverage.contractscope, a fixture of schema version 3
-- (tests/test-store.c, /core/store/fixture-v3-coverage): the format-2 fixture's rows plus
-- assets, coverage and a backup scope that the indexes of migration 3 (issue 15: asset names
-- and categories, backup_scope without its duplicate index) serve. Self-contained, to be
-- merged with the other rows of version 3 into one fixture once version 3 is released.
-- Rebuild it with:
--
--   rm -f tests/data/schema-v3-coverage.contractscope
--   sqlite3 tests/data/schema-v3-coverage.contractscope \
--     ".read src/core/schema/schema-1.sql" ".read src/core/schema/migration-2.sql" \
--     ".read src/core/schema/migration-3.sql" ".read tests/data/schema-v3-coverage-rows.sql"
--
-- Once schema version 3 is released, neither file changes again.
PRAGMA application_id = 1129538416;
PRAGMA user_version = 3;
BEGIN;
INSERT INTO project VALUES(1,'Fixture Client','Logistics','Fixture Consultant',NULL,NULL,'EUR',0,40,'','fr',48,10);
INSERT INTO site VALUES(1,'Head office','1 rue de la Gare, Lyon','',1);
INSERT INTO site VALUES(2,'Warehouse','ZI Nord, Villeurbanne','',2);
INSERT INTO asset VALUES(1,'endpoint','Laptops',1,25,3,'IT','Dell','','','');
INSERT INTO asset VALUES(2,'server','SRV-AD01',1,1,1,'IT','HPE','','','');
INSERT INTO asset VALUES(3,'business_application','ERP',NULL,1,1,'Finance','Sage','','','');
INSERT INTO asset VALUES(4,'server','srv-db02',2,1,1,'IT','Dell','R750','SN-4','');
INSERT INTO asset VALUES(5,'printer','Zebra label printer',2,3,4,'Logistics','Zebra','ZT410','','Dock 3');
INSERT INTO asset VALUES(6,'nas','archive NAS',NULL,1,2,'IT','Synology','','','Naïve «backup» 100%');
INSERT INTO offer VALUES(1,'Fixture Incumbent','incumbent','2026-01-15','',NULL,NULL,1800.0,'month',NULL,'','',1,1);
INSERT INTO offer VALUES(2,'Fixture Proposal','proposal','2026-03-01','',NULL,NULL,NULL,'month',NULL,'','',2,0);
INSERT INTO coverage VALUES(1,1,1,'managed','','');
INSERT INTO coverage VALUES(2,1,2,'managed','','');
INSERT INTO coverage VALUES(3,1,3,'excluded','','');
INSERT INTO coverage VALUES(4,2,2,'partial','Business hours only','Annex 1 §4');
INSERT INTO coverage VALUES(5,2,4,'managed','','');
INSERT INTO coverage VALUES(6,1,6,'excluded','Out of scope','§7.2');
INSERT INTO backup_policy VALUES(1,1,'Servers','Every server',24.0,30.0,24.0,8.0,'yes','unknown','Lyon','FR','yes','Provider',6.0,'','','','Annex 3',1);
INSERT INTO backup_scope VALUES(1,1,2);
INSERT INTO backup_scope VALUES(2,1,4);
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
