package org.tutti.client.domain;

/**
 * The steps of opening the database at start-up, in order. The login window shows them in plain
 * words ("Préparation de la base de démonstration…"), never in technical terms (schema,
 * migration): see {@code LoginViewModel.stepText}.
 */
public enum StartupStep {
    /** Reading the configuration and choosing the database. */
    CONFIGURING,
    /** Creating the embedded demo database (first start only). */
    CREATING_DEMO,
    /** Applying schema migrations (embedded demo only): "preparing the demo database" for the user. */
    MIGRATING,
    /** Writing the demo data (first start only). */
    SEEDING,
    /**
     * Connecting: to a configured server, the checks of one connection (version, role, SQL API)
     * then Hibernate and the pool; to the demo, Hibernate and the pool.
     */
    CONNECTING,
    READY
}
