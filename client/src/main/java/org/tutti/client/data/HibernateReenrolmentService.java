package org.tutti.client.data;

import static org.tutti.client.data.ReenrolmentRows.first;
import static org.tutti.client.data.ReenrolmentRows.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.data.ReenrolmentRows.Refusal;
import org.tutti.client.data.ReenrolmentRows.RequestRow;
import org.tutti.client.domain.NewDocument;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentCourse;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.h2.FieldLabels;

/**
 * Élèves › Réinscription through the SQL API. Reads are plain SQL into records stating the
 * {@link Visibility} rule (see {@link ReenrolmentRows}); whether a campaign is open is decided by
 * the database's {@code current_date}, not the computer's clock. A request is sent in one call of
 * {@code tutti.submit_reenrolment(student, administrative, enrolment ids, comment, documents)}
 * with JSON arguments (documents' contents in base64); its refusals (TU409 / TU422 and their
 * message codes, SQL-API.md) become {@link ReenrolmentRefusedException}s; TU403 (not the
 * family's student) and {@code invalid:<what>} (an enrolment or document type the form showed
 * that is no longer the student's or the campaign's) NOT_FOUND.
 */
final class HibernateReenrolmentService implements ReenrolmentService {

    static final String SUBMIT = "select tutti.submit_reenrolment(?, ?, ?, ?, ?)";

    private static final Logger LOG = LoggerFactory.getLogger(HibernateReenrolmentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    HibernateReenrolmentService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ReenrolmentCampaign> openCampaign(UserSession user) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> openCampaign(session, visibility));
    }

    /** The session's site's OPEN campaign whose dates hold the database's today; the latest target year first. */
    private static Optional<ReenrolmentCampaign> openCampaign(Session session, Visibility visibility) {
        return first(session, ReenrolmentRows.CAMPAIGN_SELECT
                        + " where c.status = 'OPEN' and current_date between c.opens_on and c.closes_on"
                        + " and " + visibility.siteSql("c.site_id")
                        + " order by y.start_date desc, c.id desc",
                ReenrolmentRows::campaign, visibility.sqlParameter());
    }

    @Override
    public ReenrolmentForm form(UserSession user, long studentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            boolean visible = !list(session, "select st.id from tutti.student st"
                            + " join tutti.family f on f.id = st.family_id where st.id = ? and "
                            + visibility.familiesSql("f"),
                    rs -> rs.getLong(1), studentId, visibility.sqlParameter()).isEmpty();
            if (!visible) {
                throw ReenrolmentRows.notFound("student " + studentId);
            }
            ReenrolmentCampaign campaign = openCampaign(session, visibility)
                    .orElseThrow(() -> ReenrolmentRows.notFound("an open campaign"));
            return new ReenrolmentForm(studentId, campaign, courses(session, visibility, studentId),
                    ReenrolmentRows.documentTypes(session, visibility, campaign.id(), false),
                    sent(session, visibility, campaign.id(), studentId));
        });
    }

    /**
     * The student's enrolments in courses of the current school year (not withdrawn), labelled
     * as {@code submit_reenrolment} stores its choices: "discipline — class label", in French order.
     */
    private static List<ReenrolmentCourse> courses(Session session, Visibility visibility, long studentId) {
        List<ReenrolmentCourse> courses = new ArrayList<>(list(session, "select e.id, " + FieldLabels.COURSE_CHOICE_SQL
                        + " from tutti.enrolment e"
                        + " join tutti.course c on c.id = e.course_id"
                        + " join tutti.school_year y on y.id = c.school_year_id"
                        + " join tutti.discipline d on d.id = c.discipline_id"
                        + " join tutti.student st on st.id = e.student_id"
                        + " join tutti.family f on f.id = st.family_id"
                        + " where st.id = ? and y.is_current = true and e.status <> 'WITHDRAWN'"
                        + " and " + visibility.familiesSql("f")
                        + " order by e.id",
                rs -> new ReenrolmentCourse(rs.getLong(1), rs.getString(2)), studentId, visibility.sqlParameter()));
        // in Java: H2 and PostgreSQL collate differently
        courses.sort(Comparator.comparing(ReenrolmentCourse::label, HibernateSiteService.frenchCollator())
                .thenComparingLong(ReenrolmentCourse::enrolmentId));
        return courses;
    }

    private static Optional<SentReenrolment> sent(Session session, Visibility visibility, long campaignId,
            long studentId) {
        return first(session, "select " + ReenrolmentRows.REQUEST_COLUMNS + ReenrolmentRows.REQUEST_FROM
                        + " where r.campaign_id = ? and r.student_id = ? and " + visibility.familiesSql("f"),
                rs -> RequestRow.read(rs, 1), campaignId, studentId, visibility.sqlParameter())
                .map(request -> ReenrolmentRows.sent(session, visibility, request));
    }

    @Override
    public long submit(UserSession user, ReenrolmentDraft draft) {
        Visibility.of(user);
        if (user.token() == null) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "Not logged in");
        }
        String enrolments = json(JSON.valueToTree(draft.enrolmentIds()));
        ArrayNode documents = JSON.createArrayNode();
        for (NewDocument document : draft.documents()) {
            documents.addObject()
                    .put("type", document.documentTypeId())
                    .put("name", document.fileName())
                    .put("content", Base64.getEncoder().encodeToString(document.content()));
        }
        String documentsJson = json(documents);
        String comment = draft.comment() == null || draft.comment().isBlank() ? null : draft.comment().strip();
        long id = transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement submit = connection.prepareStatement(SUBMIT)) {
                submit.setLong(1, draft.studentId());
                submit.setBoolean(2, draft.administrative());
                submit.setString(3, enrolments);
                if (comment == null) {
                    submit.setNull(4, Types.VARCHAR);
                } else {
                    submit.setString(4, comment);
                }
                submit.setString(5, documentsJson);
                try (ResultSet rs = submit.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw refusal(e);
            }
        }));
        LOG.info("Re-enrolment request {} sent for student {} ({} document(s)): {}", id, draft.studentId(),
                draft.documents().size(), user);
        return id;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable", e);
        }
    }

    private static RuntimeException refusal(SQLException e) throws SQLException {
        Refusal refusal = ReenrolmentRows.refusal(e);
        if (HibernateAccountService.NO_SESSION.equals(refusal.state())) {
            return ReenrolmentRows.sessionExpired(e);
        }
        if ("TU403".equals(refusal.state())) {
            return new ServiceException(ServiceException.Reason.NOT_FOUND, "Not a student of the session's family", e);
        }
        if (refusal.is(HibernateAccountService.UNACCEPTABLE, "invalid")) {
            return new ServiceException(ServiceException.Reason.NOT_FOUND,
                    "What the form showed is no longer the student's or the campaign's: " + refusal.detail(), e);
        }
        ReenrolmentRefusedException refused = ReenrolmentRows.refused(refusal, e);
        if (refused != null) {
            LOG.info("Re-enrolment request refused: {}", refused.getMessage());
            return refused;
        }
        throw e;
    }

    @Override
    public byte[] documentContent(UserSession user, long documentId) {
        return ReenrolmentRows.documentContent(transactions, user, documentId);
    }
}
