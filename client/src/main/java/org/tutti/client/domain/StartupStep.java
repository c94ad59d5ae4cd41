package org.tutti.client.domain;

/** The steps of opening the database at start-up, in order; the login window shows them. */
public enum StartupStep {
    /** Reading the configuration and choosing the database. */
    CONFIGURING,
    /** Creating the embedded demo database (first start only). */
    CREATING_DEMO,
    /** Applying schema migrations (embedded demo only). */
    MIGRATING,
    /** Writing the demo data (first start only). */
    SEEDING,
    /** Opening Hibernate and the connection pool. */
    CONNECTING,
    READY
}
