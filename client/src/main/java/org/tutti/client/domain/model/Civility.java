package org.tutti.client.domain.model;

/** Civility of a family's responsible adult: Monsieur or Madame. Constants match the CHECK constraint of the column. */
public enum Civility {
    M,
    MME
}
