package org.tutti.client.domain;

/**
 * A new family as the front desk types it (the Famille screen's fields); blank optional fields
 * are sent as absent. The database checks and normalises every value.
 */
public record NewFamily(String civility, String lastName, String firstName, String address1, String address2,
        String postalCode, String city, String country, String phoneHome, String phoneMobile, String phoneWork,
        String email) {
}
