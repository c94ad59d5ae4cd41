package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The H2 twin of {@code tutti.guard_document_type} (postgresql/V13): a document type that a family's
 * document uses cannot be renamed, moved to another campaign or removed (TU409 'in_use'); whether it
 * is required may change. Rows of {@code tutti.document_type}: id, campaign_id, name, required, ….
 */
public final class DocumentTypeGuard implements Trigger {

    private static final int ID = 0;
    private static final int CAMPAIGN_ID = 1;
    private static final int NAME = 2;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            return;
        }
        boolean changed = newRow == null || !Objects.equals(oldRow[NAME], newRow[NAME])
                || !Objects.equals(oldRow[CAMPAIGN_ID], newRow[CAMPAIGN_ID]);
        if (!changed) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM tutti.uploaded_document WHERE document_type_id = ? LIMIT 1")) {
            statement.setObject(1, oldRow[ID]);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    throw new SQLException("in_use", ChangeRequests.CONFLICT);
                }
            }
        }
    }
}
