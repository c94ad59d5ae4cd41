-- Issue 6 (Élèves › Cours, Historique, Répertoire): the families' policies on the pedagogical
-- follow-up, rewritten so that PostgreSQL can use the indexes. Same rows as V2, faster plans.
--
-- Written as "enrolment_id IN (SELECT e.id FROM tutti.enrolment e)", a policy let the planner
-- choose a semi-join that read every enrolment of the database (each row filtered by the
-- enrolment's own policy) for every statement on evaluation or absence: ~50 ms per Élèves load at
-- 20,000 families. "= ANY (ARRAY(SELECT ...))" is evaluated once per statement as an init plan
-- (the family's few enrolment ids) and then matches with the enrolment_id index: ~12 ms. See
-- client PedagogyBenchmark.
--
-- Only the family policies: a family's arrays hold a handful of ids. A staff session sees a whole
-- site (tens of thousands of students), where "= ANY" over a huge array would be worse than the
-- semi-join; the staff screens will get their own look when they exist.

ALTER POLICY enrolment_family ON tutti.enrolment
    USING (student_id = ANY (ARRAY(SELECT s.id FROM tutti.student s)));

ALTER POLICY evaluation_family ON tutti.evaluation
    USING (enrolment_id = ANY (ARRAY(SELECT e.id FROM tutti.enrolment e)));

ALTER POLICY absence_family ON tutti.absence
    USING (enrolment_id = ANY (ARRAY(SELECT e.id FROM tutti.enrolment e)));

ALTER POLICY event_participation_family ON tutti.event_participation
    USING (student_id = ANY (ARRAY(SELECT s.id FROM tutti.student s)));
