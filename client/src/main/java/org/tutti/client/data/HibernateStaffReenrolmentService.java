package org.tutti.client.data;

import static org.tutti.client.data.ReenrolmentRows.first;
import static org.tutti.client.data.ReenrolmentRows.list;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.data.ReenrolmentRows.Refusal;
import org.tutti.client.data.ReenrolmentRows.RequestRow;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDetail;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.SchoolYearOption;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentRefusedException.Reason;
import org.tutti.client.service.StaffReenrolmentService;
import org.tutti.schema.h2.FieldLabels;

/**
 * Réinscriptions (staff). The campaign and its document types are the front desk's own rows,
 * written directly ({@code tutti_staff} may, row-level security keeps it to its site on
 * PostgreSQL; every statement here names the site too, for H2). Requests are read in plain SQL
 * stating the {@link Visibility} rule (the families of the site) and decided through
 * {@code tutti.decide_reenrolment}: TU409 {@code already_decided} and TU403 are results, TU409
 * {@code busy} (or a lock timeout) a {@link ReenrolmentRefusedException} BUSY: try again.
 */
final class HibernateStaffReenrolmentService implements StaffReenrolmentService {

    static final String DECIDE = "select tutti.decide_reenrolment(?, ?, ?)";

    /** {@code document_type.name}'s length. */
    static final int DOCUMENT_TYPE_NAME_LENGTH = 120;

    private static final Logger LOG = LoggerFactory.getLogger(HibernateStaffReenrolmentService.class);

    /** SQLSTATE of a unique constraint violated, and of a foreign key still referenced. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Transactions transactions;

    HibernateStaffReenrolmentService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ReenrolmentCampaign> campaign(UserSession user) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> first(session, ReenrolmentRows.CAMPAIGN_SELECT
                        + " where " + visibility.siteSql("c.site_id") + " order by y.start_date desc, c.id desc",
                ReenrolmentRows::campaign, visibility.sqlParameter()));
    }

    @Override
    public List<SchoolYearOption> targetYears(UserSession user) {
        Visibility.ofStaff(user);
        return transactions.readOnly(user, HibernateStaffReenrolmentService::targetYears);
    }

    private static List<SchoolYearOption> targetYears(Session session) {
        return list(session, "select y.id, y.label from tutti.school_year y"
                        + " where y.start_date > all (select cy.start_date from tutti.school_year cy where cy.is_current = true)"
                        + " and exists (select 1 from tutti.school_year cy where cy.is_current = true)"
                        + " order by y.start_date",
                rs -> new SchoolYearOption(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public ReenrolmentCampaign saveCampaign(UserSession user, long targetYearId, LocalDate opensOn, LocalDate closesOn,
            boolean open) {
        Visibility visibility = Visibility.ofStaff(user);
        if (opensOn == null || closesOn == null || !closesOn.isAfter(opensOn)) {
            throw new ReenrolmentRefusedException(Reason.INVALID_DATES);
        }
        String status = open ? "OPEN" : "CLOSED";
        long id = transactions.inTransaction(user, session -> {
            if (targetYears(session).stream().noneMatch(y -> y.id() == targetYearId)) {
                throw ReenrolmentRows.notFound("target school year " + targetYearId);
            }
            long siteId = first(session, "select s.id from tutti.site s where " + visibility.siteSql("s.id"),
                    rs -> rs.getLong(1), visibility.sqlParameter())
                    .orElseThrow(() -> ReenrolmentRows.notFound("the session's site"));
            Optional<Long> existing = first(session, "select c.id from tutti.reenrolment_campaign c"
                            + " where c.site_id = ? and c.school_year_id = ?",
                    rs -> rs.getLong(1), siteId, targetYearId);
            if (existing.isPresent()) {
                update(session, "update tutti.reenrolment_campaign set opens_on = ?, closes_on = ?, status = ?,"
                        + " version = version + 1 where id = ? and site_id = ?",
                        opensOn, closesOn, status, existing.get(), siteId);
                return existing.get();
            }
            update(session, "insert into tutti.reenrolment_campaign (site_id, school_year_id, opens_on, closes_on,"
                    + " status) values (?, ?, ?, ?, ?)", siteId, targetYearId, opensOn, closesOn, status);
            return first(session, "select c.id from tutti.reenrolment_campaign c"
                            + " where c.site_id = ? and c.school_year_id = ?",
                    rs -> rs.getLong(1), siteId, targetYearId).orElseThrow();
        });
        LOG.info("Re-enrolment campaign {} saved ({} to {}, {}): {}", id, opensOn, closesOn, status, user);
        return transactions.readOnly(user, session -> first(session, ReenrolmentRows.CAMPAIGN_SELECT
                        + " where c.id = ? and " + visibility.siteSql("c.site_id"),
                ReenrolmentRows::campaign, id, visibility.sqlParameter()).orElseThrow());
    }

    @Override
    public List<DocumentType> documentTypes(UserSession user, long campaignId) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> ReenrolmentRows.documentTypes(session, visibility, campaignId,
                true));
    }

    @Override
    public DocumentType addDocumentType(UserSession user, long campaignId, String name, boolean required) {
        Visibility visibility = Visibility.ofStaff(user);
        String text = documentTypeName(name);
        long id = transactions.inTransaction(user, session -> {
            boolean ours = first(session, "select c.id from tutti.reenrolment_campaign c where c.id = ? and "
                    + visibility.siteSql("c.site_id"), rs -> rs.getLong(1), campaignId, visibility.sqlParameter())
                    .isPresent();
            if (!ours) {
                throw ReenrolmentRows.notFound("campaign " + campaignId);
            }
            refuseDuplicate(session, campaignId, text, null);
            update(session, "insert into tutti.document_type (campaign_id, name, required) values (?, ?, ?)",
                    campaignId, text, required);
            return first(session, "select t.id from tutti.document_type t where t.campaign_id = ? and t.name = ?",
                    rs -> rs.getLong(1), campaignId, text).orElseThrow();
        });
        LOG.info("Document type {} \"{}\" added to campaign {}: {}", id, text, campaignId, user);
        return new DocumentType(id, text, required, 0);
    }

    @Override
    public DocumentType updateDocumentType(UserSession user, long documentTypeId, String name, boolean required) {
        Visibility visibility = Visibility.ofStaff(user);
        String text = documentTypeName(name);
        DocumentType updated = transactions.inTransaction(user, session -> {
            TypeRow type = type(session, visibility, documentTypeId);
            if (type.uses() > 0 && !type.name().equals(text)) {
                throw new ReenrolmentRefusedException(Reason.IN_USE, Long.toString(type.uses()), null);
            }
            refuseDuplicate(session, type.campaignId(), text, documentTypeId);
            update(session, "update tutti.document_type set name = ?, required = ?, version = version + 1"
                    + " where id = ? and campaign_id = ?", text, required, documentTypeId, type.campaignId());
            return new DocumentType(documentTypeId, text, required, type.uses());
        });
        LOG.info("Document type {} now \"{}\" (required: {}): {}", documentTypeId, text, required, user);
        return updated;
    }

    @Override
    public void removeDocumentType(UserSession user, long documentTypeId) {
        Visibility visibility = Visibility.ofStaff(user);
        transactions.inTransaction(user, session -> {
            TypeRow type = type(session, visibility, documentTypeId);
            if (type.uses() > 0) {
                throw new ReenrolmentRefusedException(Reason.IN_USE, Long.toString(type.uses()), null);
            }
            return update(session, "delete from tutti.document_type where id = ? and campaign_id = ?",
                    documentTypeId, type.campaignId());
        });
        LOG.info("Document type {} removed: {}", documentTypeId, user);
    }

    /** A document type of the site's campaigns, with how many documents use it. */
    private record TypeRow(long id, long campaignId, String name, long uses) {
    }

    private static TypeRow type(Session session, Visibility visibility, long documentTypeId) {
        return first(session, "select t.id, t.campaign_id, t.name,"
                        + " (select count(*) from tutti.uploaded_document d where d.document_type_id = t.id)"
                        + " from tutti.document_type t join tutti.reenrolment_campaign c on c.id = t.campaign_id"
                        + " where t.id = ? and " + visibility.siteSql("c.site_id"),
                rs -> new TypeRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)),
                documentTypeId, visibility.sqlParameter())
                .orElseThrow(() -> ReenrolmentRows.notFound("document type " + documentTypeId));
    }

    /** The name stripped; TOO_LONG over the column's length. */
    private static String documentTypeName(String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A document type needs a name");
        }
        if (text.length() > DOCUMENT_TYPE_NAME_LENGTH) {
            throw new ReenrolmentRefusedException(Reason.TOO_LONG, Integer.toString(DOCUMENT_TYPE_NAME_LENGTH), null);
        }
        return text;
    }

    /** DUPLICATE when another type of the campaign has that name, whatever its case. */
    private static void refuseDuplicate(Session session, long campaignId, String name, Long except) {
        boolean taken = !list(session, "select t.id from tutti.document_type t where t.campaign_id = ?"
                        + " and lower(t.name) = lower(?) and t.id <> ?",
                rs -> rs.getLong(1), campaignId, name, except == null ? -1L : except).isEmpty();
        if (taken) {
            throw new ReenrolmentRefusedException(Reason.DUPLICATE, name, null);
        }
    }

    /**
     * Runs a statement of the front desk's own rows; the database's refusals of a document type
     * (TU409 {@code in_use} of its trigger, a unique name, a type still referenced) as
     * {@link ReenrolmentRefusedException}s.
     */
    private static int update(Session session, String sql, Object... parameters) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new ReenrolmentRefusedException(Reason.DUPLICATE, null, e);
                }
                if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                    throw new ReenrolmentRefusedException(Reason.IN_USE, null, e);
                }
                Refusal refusal = ReenrolmentRows.refusal(e);
                if (HibernateAccountService.NO_SESSION.equals(refusal.state())) {
                    throw ReenrolmentRows.sessionExpired(e);
                }
                ReenrolmentRefusedException refused = ReenrolmentRows.refused(refusal, e);
                if (refused != null) {
                    throw refused;
                }
                throw e;
            }
        });
    }

    @Override
    public List<ReenrolmentSummary> requests(UserSession user, long campaignId) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> list(session, SUMMARY_SELECT
                        + " where r.campaign_id = ? and " + visibility.familiesSql("f")
                        + " order by r.submitted_at desc, r.id desc",
                rs -> summary(rs), campaignId, visibility.sqlParameter()));
    }

    /** A request's line: {@link #summary(ResultSet)}'s columns, then {@link ReenrolmentRows#REQUEST_COLUMNS}. */
    private static final String SUMMARY_SELECT = "select r.id, f.identifier, f.civility, f.first_name, f.last_name,"
            + " st.first_name, st.last_name, r.submitted_at, r.status, " + ReenrolmentRows.REQUEST_COLUMNS
            + ReenrolmentRows.REQUEST_FROM;

    /** The family named as the staff's screens and the mails write a person ("Mme Apolline Ferrari"). */
    private static ReenrolmentSummary summary(ResultSet rs) throws SQLException {
        return new ReenrolmentSummary(rs.getLong(1), rs.getString(2),
                FieldLabels.personName(rs.getString(3), rs.getString(4), rs.getString(5)),
                rs.getString(6) + " " + rs.getString(7), ReenrolmentRows.instant(rs, 8),
                ReenrolmentState.valueOf(rs.getString(9)));
    }

    @Override
    public ReenrolmentDetail detail(UserSession user, long requestId) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> {
            record Row(ReenrolmentSummary summary, RequestRow request) {
            }
            Row row = first(session, SUMMARY_SELECT + " where r.id = ? and " + visibility.familiesSql("f"),
                    rs -> new Row(summary(rs), RequestRow.read(rs, 10)), requestId, visibility.sqlParameter())
                    .orElseThrow(() -> ReenrolmentRows.notFound("re-enrolment request " + requestId));
            return new ReenrolmentDetail(row.summary(), ReenrolmentRows.sent(session, visibility, row.request()));
        });
    }

    @Override
    public byte[] documentContent(UserSession user, long documentId) {
        Visibility.ofStaff(user);
        return ReenrolmentRows.documentContent(transactions, user, documentId);
    }

    @Override
    public DecisionResult decide(UserSession user, long requestId, boolean accept, String comment) {
        Visibility.ofStaff(user);
        try {
            String outcome = transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
                try (PreparedStatement decide = connection.prepareStatement(DECIDE)) {
                    StaffDecisions.bind(decide, requestId, accept, comment);
                    try (ResultSet rs = decide.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                } catch (SQLException e) {
                    throw decisionRefusal(e);
                }
            }));
            LOG.info("Re-enrolment request {} decided: {} ({})", requestId, outcome, user);
            return DecisionResult.of("VALIDATED".equals(outcome) ? Outcome.ACCEPTED : Outcome.REJECTED);
        } catch (StaffDecisions.Refused refused) {
            LOG.info("Decision on re-enrolment request {} refused: {} ({})", requestId, refused.outcome(), user);
            return DecisionResult.of(refused.outcome());
        }
    }

    private static RuntimeException decisionRefusal(SQLException e) throws SQLException {
        Refusal refusal = ReenrolmentRows.refusal(e);
        if (HibernateAccountService.NO_SESSION.equals(refusal.state())) {
            return ReenrolmentRows.sessionExpired(e);
        }
        if ("TU403".equals(refusal.state())) {
            return new StaffDecisions.Refused(Outcome.FORBIDDEN);
        }
        if (refusal.is("TU409", "already_decided")) {
            return new StaffDecisions.Refused(Outcome.ALREADY_DECIDED);
        }
        ReenrolmentRefusedException refused = ReenrolmentRows.refused(refusal, e);
        if (refused != null) {
            return refused;
        }
        throw e;
    }
}
