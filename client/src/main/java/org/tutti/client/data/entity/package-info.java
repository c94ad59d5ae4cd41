/**
 * The JPA entities, next to the queries that use them: one per table the client's HQL reads, and
 * only those (a feature that reads another table adds its entity with its queries and lists it in
 * {@code data.Entities}). Flyway owns the schema; Hibernate validates these against it at start.
 * Nothing outside {@code org.tutti.client.data} sees them (ArchitectureTest): services and
 * screens receive records projected from the rows.
 */
package org.tutti.client.data.entity;
