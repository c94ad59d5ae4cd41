package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/** Rows of {@code tutti.audit_event} written by the H2 security functions. */
final class Audit {

    static final String LOGIN_SUCCESS = "LOGIN_SUCCESS";
    static final String LOGIN_FAILURE = "LOGIN_FAILURE";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    static final String LOGOUT = "LOGOUT";
    static final String PASSWORD_RESET = "PASSWORD_RESET";
    static final String PASSWORD_REQUEST_UNMATCHED = "PASSWORD_REQUEST_UNMATCHED";
    static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    static final String CHANGE_SUBMITTED = "CHANGE_SUBMITTED";

    private static final int DETAIL_MAX = 4000;

    private Audit() {
    }

    static void record(Connection connection, OffsetDateTime now, Long siteId, Long accountId, String kind,
                       String detail) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.audit_event (occurred_at, site_id, account_id, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
            statement.setObject(1, now);
            setLong(statement, 2, siteId);
            setLong(statement, 3, accountId);
            statement.setString(4, kind);
            statement.setString(5, detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX));
            statement.executeUpdate();
        }
    }

    /**
     * A staff action on a family's file (the counterpart of {@code tutti.audit_staff}): who (the
     * bound staff session's account and site), what ({@code kind}, {@code detail}) and the values
     * before and after, in the caller's transaction.
     */
    static void staff(Connection connection, OffsetDateTime now, long siteId, long accountId, Long familyId,
                      String kind, String detail, String beforeValue, String afterValue) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.audit_event (occurred_at, site_id, account_id, kind, detail, family_id, before_value,"
                        + " after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, now);
            statement.setLong(2, siteId);
            statement.setLong(3, accountId);
            statement.setString(4, kind);
            statement.setString(5, cut(detail));
            setLong(statement, 6, familyId);
            statement.setString(7, cut(beforeValue));
            statement.setString(8, cut(afterValue));
            statement.executeUpdate();
        }
    }

    private static String cut(String value) {
        return value == null || value.length() <= DETAIL_MAX ? value : value.substring(0, DETAIL_MAX);
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
