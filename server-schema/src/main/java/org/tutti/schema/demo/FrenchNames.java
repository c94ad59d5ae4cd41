package org.tutti.schema.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** French first names, last names, streets and towns, read from the lists next to this class. */
final class FrenchNames {

    record Town(String postalCode, String city) {
    }

    final List<String> femaleFirstNames = lines("first-names-female.txt");
    final List<String> maleFirstNames = lines("first-names-male.txt");
    final List<String> lastNames = lines("last-names.txt");
    final List<String> streets = lines("streets.txt");
    final List<Town> belleriveTowns = towns("cities-bellerive.txt");
    final List<Town> montfleuryTowns = towns("cities-montfleury.txt");

    String firstName(DemoRandom random, String sex) {
        return random.pick("F".equals(sex) ? femaleFirstNames : maleFirstNames);
    }

    private static final List<String> MAIL_DOMAINS = List.of("example.org", "example.com", "example.net");

    /** "emilie.legall42@example.net": reserved example domains only, no mail can reach a real person. */
    static String email(DemoRandom random, String firstName, String lastName) {
        String local = asciiSlug(firstName) + "." + asciiSlug(lastName);
        if (random.chance(0.3)) {
            local += random.between(1, 99);
        }
        return local + "@" + random.pick(MAIL_DOMAINS);
    }

    /** "Émilie", "Le Gall" → "emilie.legall", for e-mail addresses. */
    static String asciiSlug(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("æ", "ae")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
    }

    private static List<Town> towns(String resource) {
        List<Town> towns = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] parts = line.split(";", 2);
            towns.add(new Town(parts[0], parts[1]));
        }
        return List.copyOf(towns);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = FrenchNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo resource " + resource, e);
        }
    }
}
