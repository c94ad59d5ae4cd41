package org.tutti.client.data.entity;

/** Civility of a family's responsible adult: Monsieur or Madame. Constants match the CHECK constraint of the column. */
public enum Civility {
    M,
    MME
}
