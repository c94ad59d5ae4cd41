package org.tutti.client.data;

import org.hibernate.query.SelectionQuery;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;

/**
 * The one rule for which families' rows the client's own queries read: a family session reads its
 * own family; a front-desk (staff) session reads the families of its site. Every HQL query that
 * reads rows of a family (the family, its students, their enrolments, evaluations, absences and
 * parts in events, its change requests) states it with {@link #families(String)} and binds it with
 * {@link #bind(SelectionQuery)}.
 *
 * <p>On PostgreSQL the boundary is row-level security (the policies of the {@code postgresql}
 * migrations V2, V6 and V8): it returns the same rows whether a query states this rule or not.
 * H2, the embedded demo, has no row-level security: there this rule is what keeps one family from
 * reading another's rows, and one site's front desk from another site's families.
 *
 * <p>Plain SQL queries (the re-enrolment tables have no entity: {@code uploaded_document}'s
 * content types are not enum constants) state the same rule with {@link #familiesSql(String)}
 * and bind {@link #sqlParameter()}.
 */
final class Visibility {

    private static final String FAMILY_PARAMETER = "visibleFamily";
    private static final String SITE_PARAMETER = "visibleSite";

    private final boolean staff;
    private final Object value;

    private Visibility(boolean staff, Object value) {
        this.staff = staff;
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException for no session, a staff session without a site or a family
     *         session without a family
     */
    static Visibility of(UserSession user) {
        if (user == null) {
            throw new IllegalArgumentException("No session");
        }
        if (user.isViewingFamily()) {
            // the front desk in one family's file reads that family's rows, as the family would;
            // on PostgreSQL row-level security still limits the staff session to its site
            return new Visibility(false, user.familyId());
        }
        if (user.isStaff()) {
            if (user.siteCode() == null) {
                throw new IllegalArgumentException("A staff session without a site: " + user);
            }
            return new Visibility(true, user.siteCode());
        }
        if (user.familyId() == null) {
            throw new IllegalArgumentException("A family session without a family: " + user);
        }
        return new Visibility(false, user.familyId());
    }

    /**
     * A front-desk session's rule: its site's families and rows.
     *
     * @throws ServiceException SESSION_EXPIRED without a session
     * @throws IllegalArgumentException for a family's session
     */
    static Visibility ofStaff(UserSession user) {
        if (user == null || user.token() == null) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "Not logged in");
        }
        if (!user.isStaff()) {
            throw new IllegalArgumentException("Not a staff session: " + user);
        }
        return of(user);
    }

    /**
     * The condition on {@code family}, an HQL path to a {@code Family} ({@code "f"},
     * {@code "st.family"}…): its own family, or for the front desk a family of its site.
     */
    String families(String family) {
        return staff
                ? family + ".site.code = :" + SITE_PARAMETER
                : family + ".id = :" + FAMILY_PARAMETER;
    }

    /**
     * The same rule in SQL on {@code family}, an alias of {@code tutti.family}, with one {@code ?}
     * to bind with {@link #sqlParameter()}.
     */
    String familiesSql(String family) {
        return staff
                ? family + ".site_id = (select vs.id from tutti.site vs where vs.code = ?)"
                : family + ".id = ?";
    }

    /**
     * The session's site in SQL on {@code siteId}, a column holding a site id: the front desk's
     * site, or the family's; one {@code ?} to bind with {@link #sqlParameter()}.
     */
    String siteSql(String siteId) {
        return staff
                ? siteId + " = (select vs.id from tutti.site vs where vs.code = ?)"
                : siteId + " = (select vf.site_id from tutti.family vf where vf.id = ?)";
    }

    /** The value of the {@code ?} of {@link #familiesSql(String)} and {@link #siteSql(String)}. */
    Object sqlParameter() {
        return value;
    }

    /** Binds the parameter of {@link #families(String)}, which the query must state. */
    <Q extends SelectionQuery<?>> Q bind(Q query) {
        query.setParameter(staff ? SITE_PARAMETER : FAMILY_PARAMETER, value);
        return query;
    }
}
