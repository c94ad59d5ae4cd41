package org.tutti.client.mail;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new JDBC connection as the relay's role (the relay keeps and closes what it opens). */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
