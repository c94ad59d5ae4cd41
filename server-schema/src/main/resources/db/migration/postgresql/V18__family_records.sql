-- Issue 16, part "records" (SQL-API.md, "Front desk — records"): what the family file shows of a
-- family's past, for the staff of its site.
--
--   mail_outbox.family_id     the family a mail went to: set on insert (when the queueing function
--                             left it NULL) from the family of the mail's site whose e-mail, or
--                             whose account's e-mail, is the recipient (case ignored); existing
--                             mails are filled the same way
--   audit triggers            a staff session's decision on a change request or a re-enrolment
--                             request, an invoice or credit note issued, a payment recorded, a
--                             rental created or ended write one tutti.audit_event row with the
--                             family, and the values before and after as JSON objects
--                             (tutti.audit_staff); a family session's own writes write none
--   family_history(family_id) the family's audit rows, newest first
--   family_mails(family_id)   the family's mails, newest first (never a secret nor a body)
--   family_mail_text(mail_id) the text of one of them, NULL for a mail that carried a secret
--
-- The readers are for a STAFF session of the family's site: TU401 without a session, TU403 for a
-- family session and for another site's family or mail (exactly like a missing one).

-- ---------------------------------------------------------------- the family of a mail

ALTER TABLE tutti.mail_outbox ADD COLUMN family_id bigint REFERENCES tutti.family (id);
CREATE INDEX mail_outbox_family_ix ON tutti.mail_outbox (family_id, created_at);
CREATE INDEX family_mail_match_ix ON tutti.family (site_id, lower(email));
CREATE INDEX account_mail_match_ix ON tutti.account (site_id, lower(email));

-- The family of site_id that recipient writes to: the family whose own e-mail it is, else the
-- family whose account's e-mail it is (the lowest id when several share it); NULL for none.
CREATE FUNCTION tutti.mail_family(site_id bigint, recipient text) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT coalesce(
        (SELECT min(f.id) FROM tutti.family f
          WHERE f.site_id = mail_family.site_id AND lower(f.email) = lower(mail_family.recipient)),
        (SELECT min(a.family_id) FROM tutti.account a
          WHERE a.site_id = mail_family.site_id AND a.role = 'FAMILY' AND lower(a.email) = lower(mail_family.recipient)))
$$;

CREATE FUNCTION tutti.mail_outbox_family() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF NEW.family_id IS NULL THEN
        NEW.family_id := tutti.mail_family(NEW.site_id, NEW.recipient);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER mail_outbox_family BEFORE INSERT ON tutti.mail_outbox
    FOR EACH ROW EXECUTE FUNCTION tutti.mail_outbox_family();

UPDATE tutti.mail_outbox m SET family_id = tutti.mail_family(m.site_id, m.recipient) WHERE m.family_id IS NULL;

-- ---------------------------------------------------------------- the staff actions, per family

-- Each trigger function does nothing unless a STAFF session is bound (a family's own writes, the
-- relay and the migrations write no audit row), then writes through tutti.audit_staff: who, when,
-- the family, kind, a French sentence and the values before and after (jsonb text).

CREATE FUNCTION tutti.audit_change_decided() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    subject text;
BEGIN
    IF tutti.current_staff_site() IS NULL THEN
        RETURN NULL;
    END IF;
    IF NEW.target = 'STUDENT' THEN
        SELECT concat_ws(' ', s.first_name, s.last_name) INTO subject FROM tutti.student s WHERE s.id = NEW.target_id;
    END IF;
    PERFORM tutti.audit_staff(NEW.family_id,
        CASE NEW.status WHEN 'ACCEPTED' THEN 'CHANGE_ACCEPTED' ELSE 'CHANGE_REJECTED' END,
        CASE NEW.status WHEN 'ACCEPTED' THEN 'Modification acceptée : ' ELSE 'Modification refusée : ' END
            || tutti.change_field_label(NEW.field_name) || coalesce(' (' || subject || ')', '')
            || coalesce(' — ' || NEW.decision_comment, ''),
        jsonb_build_object(NEW.field_name, NEW.old_value)::text,
        jsonb_build_object(NEW.field_name, NEW.new_value)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER change_request_decided_audit AFTER UPDATE OF status ON tutti.change_request
    FOR EACH ROW WHEN (OLD.status = 'PENDING' AND NEW.status IN ('ACCEPTED', 'REJECTED'))
    EXECUTE FUNCTION tutti.audit_change_decided();

CREATE FUNCTION tutti.audit_reenrolment_decided() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    req record;
BEGIN
    IF tutti.current_staff_site() IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT s.family_id, concat_ws(' ', s.first_name, s.last_name) AS student, y.label AS year INTO req
      FROM tutti.student s, tutti.reenrolment_campaign c JOIN tutti.school_year y ON y.id = c.school_year_id
     WHERE s.id = NEW.student_id AND c.id = NEW.campaign_id;
    PERFORM tutti.audit_staff(req.family_id,
        CASE NEW.status WHEN 'VALIDATED' THEN 'REENROLMENT_ACCEPTED' ELSE 'REENROLMENT_REJECTED' END,
        CASE NEW.status WHEN 'VALIDATED' THEN 'Réinscription acceptée : ' ELSE 'Réinscription refusée : ' END
            || req.student || ' (' || req.year || ')' || coalesce(' — ' || NEW.decision_comment, ''),
        jsonb_build_object('status', OLD.status)::text,
        jsonb_build_object('status', NEW.status, 'decision_comment', NEW.decision_comment)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER reenrolment_request_decided_audit AFTER UPDATE OF status ON tutti.reenrolment_request
    FOR EACH ROW WHEN (OLD.status = 'PENDING' AND NEW.status IN ('VALIDATED', 'REJECTED'))
    EXECUTE FUNCTION tutti.audit_reenrolment_decided();

CREATE FUNCTION tutti.audit_invoice_issued() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF tutti.current_staff_site() IS NULL THEN
        RETURN NULL;
    END IF;
    IF NEW.credit_note_for IS NULL THEN
        PERFORM tutti.audit_staff(NEW.family_id, 'INVOICE_ISSUED', 'Facture ' || NEW.number || ' émise', NULL,
            jsonb_build_object('number', NEW.number, 'total', NEW.total_amount::text,
                               'due_date', NEW.due_date::text)::text);
    ELSE
        PERFORM tutti.audit_staff(NEW.family_id, 'CREDIT_NOTE_ISSUED',
            'Avoir ' || NEW.number || ' émis sur la facture '
                || (SELECT i.number FROM tutti.invoice i WHERE i.id = NEW.credit_note_for),
            NULL,
            jsonb_build_object('number', NEW.number, 'total', NEW.total_amount::text,
                               'reason', NEW.credit_reason)::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_issued_audit AFTER INSERT ON tutti.invoice
    FOR EACH ROW EXECUTE FUNCTION tutti.audit_invoice_issued();

CREATE FUNCTION tutti.audit_payment_recorded() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF tutti.current_staff_site() IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM tutti.audit_staff(NEW.family_id, 'PAYMENT_RECORDED', 'Paiement enregistré : reçu ' || NEW.receipt_number,
        NULL,
        jsonb_build_object('receipt', NEW.receipt_number, 'amount', NEW.amount::text, 'method', NEW.method)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER payment_recorded_audit AFTER INSERT ON tutti.payment
    FOR EACH ROW EXECUTE FUNCTION tutti.audit_payment_recorded();

CREATE FUNCTION tutti.audit_rental() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    item text := (SELECT i.label || ' (' || i.inventory_code || ')' FROM tutti.rental_item i
                   WHERE i.id = NEW.rental_item_id);
BEGIN
    IF tutti.current_staff_site() IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM tutti.audit_staff(NEW.family_id, 'RENTAL_CREATED', 'Location créée : ' || item, NULL,
            jsonb_build_object('item', item, 'start_date', NEW.start_date::text, 'end_date', NEW.end_date::text,
                               'monthly_fee', NEW.monthly_fee::text)::text);
    ELSE
        PERFORM tutti.audit_staff(NEW.family_id, 'RENTAL_ENDED', 'Location terminée : ' || item,
            jsonb_build_object('end_date', OLD.end_date::text)::text,
            jsonb_build_object('end_date', NEW.end_date::text)::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER rental_created_audit AFTER INSERT ON tutti.rental
    FOR EACH ROW EXECUTE FUNCTION tutti.audit_rental();
CREATE TRIGGER rental_ended_audit AFTER UPDATE OF end_date ON tutti.rental
    FOR EACH ROW WHEN (NEW.end_date IS DISTINCT FROM OLD.end_date)
    EXECUTE FUNCTION tutti.audit_rental();

-- ---------------------------------------------------------------- readers

-- The bound STAFF session's site when family_id is one of its families: TU401 without a session,
-- TU403 for a family session and for another site's (or no) family.
CREATE FUNCTION tutti.records_staff_family(family_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    staff record := tutti.billing_staff();
BEGIN
    IF NOT EXISTS (SELECT FROM tutti.family f
                    WHERE f.id = records_staff_family.family_id AND f.site_id = staff.site_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    RETURN staff.site_id;
END
$$;

CREATE FUNCTION tutti.family_history(family_id bigint)
RETURNS TABLE (occurred_at timestamptz, staff_name text, kind text, detail text, before_value text, after_value text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    PERFORM tutti.records_staff_family(family_history.family_id);
    RETURN QUERY
        SELECT e.occurred_at, a.display_name::text, e.kind::text, e.detail::text, e.before_value::text,
               e.after_value::text
          FROM tutti.audit_event e LEFT JOIN tutti.account a ON a.id = e.account_id
         WHERE e.family_id = family_history.family_id
         ORDER BY e.occurred_at DESC, e.id DESC;
END
$$;

CREATE FUNCTION tutti.family_mails(family_id bigint)
RETURNS TABLE (id bigint, created_at timestamptz, kind text, recipient text, subject text, status text,
               sent_at timestamptz, last_error text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    PERFORM tutti.records_staff_family(family_mails.family_id);
    RETURN QUERY
        SELECT m.id, m.created_at, m.kind::text, m.recipient::text, m.subject::text, m.status::text, m.sent_at,
               m.last_error::text
          FROM tutti.mail_outbox m
         WHERE m.family_id = family_mails.family_id
         ORDER BY m.created_at DESC, m.id DESC;
END
$$;

-- The text of one of the family's mails; NULL when it carried a secret (a first password).
CREATE FUNCTION tutti.family_mail_text(mail_id bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    mail record;
BEGIN
    SELECT m.family_id, m.contains_secret, m.body_text INTO mail
      FROM tutti.mail_outbox m WHERE m.id = family_mail_text.mail_id;
    IF mail.family_id IS NULL THEN
        PERFORM tutti.billing_staff();
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    PERFORM tutti.records_staff_family(mail.family_id);
    RETURN CASE WHEN mail.contains_secret THEN NULL ELSE mail.body_text::text END;
END
$$;

GRANT EXECUTE ON FUNCTION
    tutti.family_history(bigint),
    tutti.family_mails(bigint),
    tutti.family_mail_text(bigint)
TO tutti_staff;
REVOKE EXECUTE ON FUNCTION
    tutti.family_history(bigint),
    tutti.family_mails(bigint),
    tutti.family_mail_text(bigint),
    tutti.mail_family(bigint, text),
    tutti.records_staff_family(bigint)
FROM PUBLIC;
