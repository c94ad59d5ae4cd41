package org.tutti.client.domain;

import java.util.List;

/** The family as printed in a document's address block: "Mme Claire MARTIN", address lines, its identifier. */
public record Addressee(String name, List<String> addressLines, String identifier) {

    public Addressee {
        addressLines = List.copyOf(addressLines);
    }
}
