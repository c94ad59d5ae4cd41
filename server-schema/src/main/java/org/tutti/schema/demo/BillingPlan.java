package org.tutti.schema.demo;

import java.util.ArrayList;
import java.util.List;
import org.tutti.schema.demo.DemoSite.SchoolYear;

/** What one family owes for one school year: yearly fees per student and rentals. Built while students are written. */
final class BillingPlan {

    /** One line of the fee invoice; {@code studentId} is null for a line about the whole family. */
    record Fee(Long studentId, String label, int unitPriceCents) {
    }

    /**
     * One rental: an instrument model to take from the park ("Violon 3/4"), a room package or equipment.
     *
     * @param model for an instrument or equipment, the model a new numbered item is made of
     * @param roomLabel for a room package, the label of the site's shared rental item
     */
    record Rental(Long studentId, String kind, String model, String roomLabel, int monthlyFeeCents, int depositCents) {
    }

    final SchoolYear year;
    final List<Fee> fees = new ArrayList<>();
    final List<Rental> rentals = new ArrayList<>();

    BillingPlan(SchoolYear year) {
        this.year = year;
    }
}
