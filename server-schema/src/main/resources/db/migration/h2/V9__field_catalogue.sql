-- Issue 12 on H2: the same logical step as postgresql/V9 (SQL-API.md, "Field catalogue"). The mails
-- (org.tutti.schema.h2.FamilyMail, PasswordMail) and session_info already use
-- org.tutti.schema.h2.FieldLabels; these aliases give the catalogue the names it has on PostgreSQL.
CREATE ALIAS tutti.change_field_label FOR 'org.tutti.schema.h2.FieldLabels.label';
CREATE ALIAS tutti.change_value_text FOR 'org.tutti.schema.h2.FieldLabels.valueText';
CREATE ALIAS tutti.person_name FOR 'org.tutti.schema.h2.FieldLabels.personName';

-- The demo's family accounts were named "Mme Ferrari Apolline": named as everywhere now (a name
-- someone typed differently is left alone).
UPDATE tutti.account a
   SET display_name = tutti.person_name((SELECT f.civility FROM tutti.family f WHERE f.id = a.family_id),
                                        (SELECT f.first_name FROM tutti.family f WHERE f.id = a.family_id),
                                        (SELECT f.last_name FROM tutti.family f WHERE f.id = a.family_id)),
       version = a.version + 1
 WHERE a.role = 'FAMILY'
   AND a.display_name = (SELECT CASE f.civility WHEN 'MME' THEN 'Mme ' ELSE 'M. ' END || f.last_name || ' '
                                || f.first_name
                           FROM tutti.family f WHERE f.id = a.family_id);
