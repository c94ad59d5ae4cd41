package org.tutti.client.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ScreenTour} found, each distinct finding once with the stops (and settings) where
 * it was seen: the same header cut on thirty screens is one line to read, not thirty.
 */
final class TourFindings {

    private static final int STOPS_NAMED = 4;

    private final Map<String, List<String>> seen = new LinkedHashMap<>();

    void add(String where, String finding) {
        seen.computeIfAbsent(finding, f -> new ArrayList<>()).add(where);
    }

    void addAll(String where, List<String> findings) {
        findings.forEach(f -> add(where, f));
    }

    /** Each distinct finding, then where: "finding — at 3 stops: Accueil — 200 %; Famille — 200 %; …". */
    List<String> distinct() {
        List<String> lines = new ArrayList<>();
        seen.forEach((finding, where) -> {
            List<String> named = where.subList(0, Math.min(STOPS_NAMED, where.size()));
            lines.add(finding + " — at " + (where.size() == 1 ? "" : where.size() + " stops: ") + String.join("; ", named)
                    + (where.size() > named.size() ? "; …" : ""));
        });
        return lines;
    }
}
