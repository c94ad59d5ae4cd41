-- Issue 18 (performance and scale): two staff lists read in index order instead of over the site.
--
-- 1. Pédagogie's course list counts each course's active enrolments (SqlStaffPedagogyService):
-- at 50,000 families, 325 courses of 361 students each read 117,000 enrolment rows from the heap
-- (180 ms). With the status and the site (the staff policy's column, V23) in the index, the count
-- is an index-only scan (33 ms).
CREATE INDEX enrolment_course_status_ix ON tutti.enrolment (course_id, status) INCLUDE (site_id);

-- 2. Facturation's family list, before anything is typed, shows the site's first 50 families in the
-- order of their folded names (SqlStaffBillingService.families: lower(translate(…)) of the last
-- name, then of the first name, then the identifier). Sorting the site's 30,000 folded names took
-- 200 ms; this index gives the first 50 in order (1 ms). The expressions must stay exactly those
-- the client writes (SqlStaffBillingService.folded), or PostgreSQL sorts again.
CREATE INDEX family_billing_order_ix ON tutti.family (site_id,
    lower(translate(last_name, 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸÆŒ’', 'aaaaaaceeeeiiiinooooouuuuyyaoAAAAAACEEEEIIIINOOOOOUUUUYYAO''')),
    lower(translate(first_name, 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸÆŒ’', 'aaaaaaceeeeiiiinooooouuuuyyaoAAAAAACEEEEIIIINOOOOOUUUUYYAO''')),
    identifier);
