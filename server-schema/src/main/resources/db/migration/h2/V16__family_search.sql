-- Issue 16 on H2, front desk — search: the same logical step as postgresql/V16 (SQL-API.md, "Front
-- desk — search"). tutti.search_families is a Java function (org.tutti.schema.h2.FamilySearch) that
-- builds each family's words at each call: the embedded demo's families need no search table, no
-- trigger and no trigram index.
CREATE ALIAS tutti.search_families FOR 'org.tutti.schema.h2.FamilySearch.searchFamilies';
