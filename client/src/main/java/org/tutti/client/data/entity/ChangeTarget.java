package org.tutti.client.data.entity;

/** What a change request changes: the family or one of its students. Constants match the CHECK constraint of the column. */
public enum ChangeTarget {
    FAMILY,
    STUDENT
}
