package org.tutti.client.data.entity;

/** Sex of a student as recorded by the school. Constants match the CHECK constraint of the column. */
public enum Sex {
    F,
    M
}
