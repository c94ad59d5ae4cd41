package org.tutti.client.domain;

import java.util.List;

/** The site as printed at the top of its documents: name, address lines, phone and e-mail (null when absent). */
public record Letterhead(String siteName, List<String> addressLines, String phone, String email) {

    public Letterhead {
        addressLines = List.copyOf(addressLines);
    }
}
