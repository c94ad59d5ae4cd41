package org.tutti.client.domain;

import java.time.LocalDate;

/**
 * What a family's access letter prints: the site's letterhead (and its logo, PNG or JPEG bytes, or
 * null), the place it is written from, the family's address block, its identifier and the first
 * password just issued (printed once, never stored).
 */
public record AccountLetter(Letterhead site, byte[] logo, String place, Addressee family, String civility,
        String identifier, String password, LocalDate date) {

    @Override
    public String toString() {
        return "AccountLetter[" + identifier + "]"; // never the password
    }
}
