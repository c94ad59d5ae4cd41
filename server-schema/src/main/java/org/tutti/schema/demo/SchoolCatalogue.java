package org.tutti.schema.demo;

import java.util.List;
import java.util.function.Predicate;
import org.tutti.schema.demo.Repertoire.Style;

/**
 * What a French music school teaches and plays: departments, instruments, ensembles, events (the
 * pieces played there are in {@link Repertoire}), words of teachers.
 */
final class SchoolCatalogue {

    private SchoolCatalogue() {
    }

    record Department(String code, String name, List<String> disciplines) {
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department("CORDES", "Cordes", List.of("Violon", "Alto", "Violoncelle", "Contrebasse", "Guitare", "Harpe")),
            new Department("VENTS", "Vents", List.of("Flûte traversière", "Clarinette", "Hautbois", "Basson", "Saxophone",
                    "Trompette", "Cor", "Trombone", "Tuba")),
            new Department("CLAVIERS", "Claviers", List.of("Piano", "Orgue", "Clavecin")),
            new Department("PERCU", "Percussions", List.of("Batterie", "Percussions")),
            new Department("FM", "Formation musicale", List.of("Formation musicale", "Éveil musical")),
            new Department("COLLECTIF", "Pratiques collectives", List.of("Orchestre", "Chorale", "Musique de chambre")),
            new Department("MAA", "Musiques actuelles", List.of("Guitare électrique", "Basse électrique", "Atelier musiques actuelles")),
            new Department("VOIX", "Voix", List.of("Chant")));

    /** Disciplines Montfleury, a smaller school, does not teach. */
    static final List<String> NOT_TAUGHT_AT_MONTFLEURY = List.of("Orgue", "Clavecin", "Harpe", "Basson", "Tuba", "Contrebasse");

    enum Family { STRINGS, WINDS, BRASS, KEYBOARDS, PLUCKED, HARP, PERCUSSION, VOICE, AMPLIFIED }

    /**
     * An instrument taught individually.
     *
     * @param popularity relative share of students
     * @param rentalModels labels of the school's instruments families can rent, smallest first (empty: not rented)
     */
    record Instrument(String name, Family family, double popularity, List<String> rentalModels) {
        boolean rentable() {
            return !rentalModels.isEmpty();
        }
    }

    static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("Piano", Family.KEYBOARDS, 20, List.of()),
            new Instrument("Guitare", Family.PLUCKED, 13, List.of("Guitare classique 1/2", "Guitare classique 3/4")),
            new Instrument("Violon", Family.STRINGS, 10, List.of("Violon 1/4", "Violon 1/2", "Violon 3/4", "Violon 4/4")),
            new Instrument("Flûte traversière", Family.WINDS, 6, List.of("Flûte traversière à tête courbe", "Flûte traversière")),
            new Instrument("Batterie", Family.PERCUSSION, 6, List.of()),
            new Instrument("Chant", Family.VOICE, 5, List.of()),
            new Instrument("Saxophone", Family.WINDS, 5, List.of("Saxophone alto")),
            new Instrument("Violoncelle", Family.STRINGS, 5, List.of("Violoncelle 1/4", "Violoncelle 1/2", "Violoncelle 3/4")),
            new Instrument("Clarinette", Family.WINDS, 4, List.of("Clarinette en si bémol")),
            new Instrument("Trompette", Family.BRASS, 4, List.of("Trompette en si bémol", "Cornet à pistons")),
            new Instrument("Guitare électrique", Family.AMPLIFIED, 3, List.of()),
            new Instrument("Alto", Family.STRINGS, 2, List.of("Alto 35 cm", "Alto 38 cm")),
            new Instrument("Trombone", Family.BRASS, 2, List.of("Trombone ténor")),
            new Instrument("Percussions", Family.PERCUSSION, 2, List.of()),
            new Instrument("Basse électrique", Family.AMPLIFIED, 1.5, List.of()),
            new Instrument("Hautbois", Family.WINDS, 1.5, List.of("Hautbois d'étude")),
            new Instrument("Harpe", Family.HARP, 1.2, List.of("Harpe celtique")),
            new Instrument("Cor", Family.BRASS, 1, List.of("Cor d'harmonie")),
            new Instrument("Contrebasse", Family.STRINGS, 1, List.of("Contrebasse 1/2")),
            new Instrument("Basson", Family.WINDS, 0.8, List.of("Basson allemand")),
            new Instrument("Tuba", Family.BRASS, 0.7, List.of("Euphonium")),
            new Instrument("Orgue", Family.KEYBOARDS, 0.6, List.of()),
            new Instrument("Clavecin", Family.KEYBOARDS, 0.5, List.of()));

    /**
     * A collective course open to some students.
     *
     * <p>The level written on a member's sheet is a level of the collective practice, not the
     * member's instrument: a choir is a step of the school's choir ladder, sung by age whatever
     * the singer's instrument ("Chœur d'enfants" 6–11 years, "Chœur de jeunes" 12–18, "Chœur
     * adultes"), so the choir course is named after its level; an instrumental ensemble places
     * its players by the cycle they reached on their instrument ("Cycle 2"), as conservatoires
     * group orchestras and chamber music by cycle.
     *
     * @param minLevel lowest instrument level admitted
     */
    record Ensemble(String classLabel, String discipline, Level minLevel, int minAge, int maxAge,
                    int durationMinutes, Predicate<Family> families) {

        private static final String CHOIR = "Chorale";

        /** A choir open to singers of these ages whatever their instrument, named after its level. */
        static Ensemble choir(String level, Level minLevel, int minAge, int maxAge, int durationMinutes) {
            return new Ensemble(level, CHOIR, minLevel, minAge, maxAge, durationMinutes, f -> true);
        }

        boolean admits(Instrument instrument, Level level, int age) {
            return families.test(instrument.family()) && level.atLeast(minLevel) && age >= minAge && age <= maxAge;
        }

        /** The level on the sheet of a member whose instrument is at {@code instrumentLevel}. */
        String memberLevel(Level instrumentLevel) {
            return CHOIR.equals(discipline) ? classLabel : instrumentLevel.cycle.label;
        }
    }

    static final List<Ensemble> ENSEMBLES = List.of(
            new Ensemble("Orchestre à cordes junior", "Orchestre", Level.C1_2, 7, 14, 90, f -> f == Family.STRINGS),
            new Ensemble("Orchestre symphonique", "Orchestre", Level.C2_2, 12, 99, 150,
                    f -> f == Family.STRINGS || f == Family.WINDS || f == Family.BRASS || f == Family.PERCUSSION
                            || f == Family.HARP),
            new Ensemble("Orchestre d'harmonie", "Orchestre", Level.C1_3, 9, 99, 120,
                    f -> f == Family.WINDS || f == Family.BRASS || f == Family.PERCUSSION),
            new Ensemble("Big band", "Musique de chambre", Level.C2_1, 12, 99, 120,
                    f -> f == Family.BRASS || f == Family.AMPLIFIED || f == Family.PERCUSSION || f == Family.WINDS),
            new Ensemble("Musique de chambre — quatuors", "Musique de chambre", Level.C2_1, 11, 99, 60, f -> f == Family.STRINGS),
            new Ensemble("Musique de chambre — trios avec piano", "Musique de chambre", Level.C2_1, 11, 99, 60,
                    f -> f == Family.KEYBOARDS || f == Family.STRINGS || f == Family.HARP),
            new Ensemble("Ensemble de guitares", "Musique de chambre", Level.C1_3, 9, 99, 60,
                    f -> f == Family.PLUCKED || f == Family.AMPLIFIED),
            new Ensemble("Atelier musiques actuelles", "Atelier musiques actuelles", Level.C1_2, 11, 99, 90,
                    f -> f == Family.AMPLIFIED || f == Family.PERCUSSION || f == Family.VOICE || f == Family.KEYBOARDS),
            Ensemble.choir("Chœur d'enfants", Level.INITIATION, 6, 11, 60),
            Ensemble.choir("Chœur de jeunes", Level.C1_2, 12, 18, 90),
            Ensemble.choir("Chœur adultes", Level.INITIATION, 19, 99, 120));

    /**
     * An event of the school year. {@code instrumentOnly} restricts participation to one class.
     *
     * @param month month of the event; September to December fall in the first calendar year of the school year
     * @param styles the programmes the event may have, one chosen each year; students play pieces of it
     */
    record EventTemplate(String title, String kind, int month, int day, String instrumentOnly,
                         List<Repertoire.Style> styles) {
    }

    static final List<EventTemplate> EVENTS = List.of(
            new EventTemplate("Audition d'automne", "AUDITION", 10, 14, null,
                    List.of(Style.ANY, Style.BAROQUE, Style.CLASSICAL, Style.ROMANTIC, Style.FRENCH)),
            new EventTemplate("Concert de la Sainte-Cécile", "CONCERT", 11, 21, null,
                    List.of(Style.ANY, Style.ROMANTIC, Style.FRENCH, Style.MODERN)),
            new EventTemplate("Concert de Noël", "CONCERT", 12, 16, null, List.of(Style.BAROQUE, Style.ANY)),
            new EventTemplate("Audition de la classe de piano", "AUDITION", 2, 4, "Piano",
                    List.of(Style.CLASSICAL, Style.ROMANTIC, Style.FRENCH, Style.MODERN, Style.ANY)),
            new EventTemplate("Masterclass de violon", "MASTERCLASS", 3, 11, "Violon",
                    List.of(Style.BAROQUE, Style.CLASSICAL, Style.ROMANTIC)),
            new EventTemplate("Concert des ensembles", "CONCERT", 4, 8, null,
                    List.of(Style.ANY, Style.FILM, Style.MODERN)),
            new EventTemplate("Examens de fin de cycle", "EXAM", 6, 10, null, List.of(Style.ANY)),
            new EventTemplate("Fête de la musique", "SHOW", 6, 21, null, List.of(Style.JAZZ)));

    static final List<String> PARTICIPATION_COMMENTS = List.of(
            "Belle prestation, beaucoup d'aisance sur scène.",
            "Premier passage en public, réussi malgré le trac.",
            "Très musical, un beau son.",
            "Quelques hésitations dans la deuxième partie, mais une belle énergie.",
            "Accompagné au piano par son professeur.",
            "Interprétation sensible et maîtrisée, applaudie par la salle.",
            "Joué de mémoire.",
            "En duo avec un élève de la classe.");

    /** Sentences of appreciations, by role; an appreciation takes one to four of them. */
    static final List<String> APPRECIATION_OPENINGS_GOOD = List.of(
            "Très bon trimestre.",
            "Excellent investissement en cours comme à la maison.",
            "Élève sérieux et motivé.",
            "Belle implication dans la vie de la classe.");
    static final List<String> APPRECIATION_OPENINGS_FAIR = List.of(
            "Bon travail dans l'ensemble.",
            "Trimestre encourageant.",
            "Des progrès réguliers depuis la rentrée.");
    static final List<String> APPRECIATION_OPENINGS_WEAK = List.of(
            "Un début d'année un peu difficile, mais la situation s'améliore.",
            "Travail irrégulier ce trimestre.",
            "Des difficultés persistent, mais l'envie est là.");
    static final List<String> APPRECIATION_DETAILS = List.of(
            "La posture et la tenue de l'instrument se sont nettement améliorées.",
            "Le son gagne en rondeur et en projection.",
            "La lecture de notes reste lente : il faut déchiffrer un peu chaque jour.",
            "Le rythme est solide, la pulsation bien intériorisée.",
            "Les nuances commencent à apparaître et donnent vie aux phrases.",
            "La justesse est à surveiller dans les passages rapides.",
            "L'écoute des autres pupitres en ensemble est remarquable.",
            "Le travail de la main gauche porte ses fruits.",
            "La respiration et le soutien du souffle doivent encore être travaillés.",
            "Les gammes sont connues mais manquent encore de régularité.",
            "La mémorisation des pièces est rapide et sûre.",
            "Les exercices de dictée rythmique sont bien réussis.",
            "Le chant intérieur et l'écoute harmonique progressent.");
    static final List<String> APPRECIATION_ADVICE = List.of(
            "Continuez ainsi !",
            "Il faudrait travailler un peu plus régulièrement à la maison, vingt minutes par jour suffisent.",
            "Pensez à apporter systématiquement la partition et le cahier de suivi.",
            "Pour le prochain trimestre, nous aborderons une pièce du répertoire baroque.",
            "Prendre le temps de travailler lentement avec le métronome avant d'accélérer.",
            "Une participation à l'audition de fin de trimestre serait une belle étape.",
            "Ne pas hésiter à poser des questions en cours.",
            "Bravo pour ce beau parcours.");

    static final List<String> ABSENCE_REASONS = List.of("Maladie", "Rendez-vous médical", "Sortie scolaire",
            "Raison familiale", "Compétition sportive", "Voyage scolaire", "Examen au collège", "Grève des transports");

    static final List<String> BELLERIVE_ROOMS = List.of("Auditorium Ravel", "Salle Debussy", "Salle Fauré", "Salle Satie",
            "Salle Berlioz", "Salle Lili Boulanger", "Salle Chopin", "Salle Bizet", "Salle Poulenc", "Salle Messiaen",
            "Studio des musiques actuelles", "Salle des percussions", "Salle d'orchestre", "Salle de formation musicale 1",
            "Salle de formation musicale 2");
    static final List<String> MONTFLEURY_ROOMS = List.of("Salle Nadia Boulanger", "Salle Rameau", "Salle Couperin",
            "Salle Gounod", "Salle Duparc", "Studio rock", "Grande salle", "Salle de formation musicale");

    record RentalOffer(String kind, String label, int monthlyFeeCents, int depositCents) {
    }

    static final List<RentalOffer> ROOM_OFFERS = List.of(
            new RentalOffer("ROOM", "Salle de travail — 10 h", 2500, 0),
            new RentalOffer("ROOM", "Salle de travail — 20 h", 4500, 0),
            new RentalOffer("ROOM", "Studio de répétition — 4 h", 3000, 0));
    static final List<RentalOffer> EQUIPMENT_OFFERS = List.of(
            new RentalOffer("EQUIPMENT", "Pupitre pliant", 300, 2000),
            new RentalOffer("EQUIPMENT", "Métronome électronique", 200, 2000),
            new RentalOffer("EQUIPMENT", "Ampli guitare 30 W", 1000, 10000),
            new RentalOffer("EQUIPMENT", "Housse rigide de violoncelle", 500, 5000));

    static final List<String> SCHOOL_LEVELS = List.of("CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e",
            "Seconde", "Première", "Terminale", "Études supérieures");

    /** School level of a pupil of the French system from the age on 1 September. */
    static String schoolLevel(int ageAtSeptember) {
        if (ageAtSeptember < 6) {
            return "Maternelle";
        }
        int index = ageAtSeptember - 6;
        if (index < SCHOOL_LEVELS.size() - 1) {
            return SCHOOL_LEVELS.get(index);
        }
        return ageAtSeptember <= 24 ? "Études supérieures" : null;
    }
}
