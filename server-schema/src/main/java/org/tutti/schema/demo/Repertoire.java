package org.tutti.schema.demo;

import static org.tutti.schema.demo.Repertoire.Style.BAROQUE;
import static org.tutti.schema.demo.Repertoire.Style.CLASSICAL;
import static org.tutti.schema.demo.Repertoire.Style.FILM;
import static org.tutti.schema.demo.Repertoire.Style.FRENCH;
import static org.tutti.schema.demo.Repertoire.Style.JAZZ;
import static org.tutti.schema.demo.Repertoire.Style.MODERN;
import static org.tutti.schema.demo.Repertoire.Style.ROMANTIC;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pieces students play at the school's events, each with the styles of programme it belongs
 * to and the instruments it is played on, so that a concert announced as baroque hears Couperin
 * and not "Lettre à Élise", and a harpist does not play a Chopin nocturne.
 *
 * <p>Real pieces, attributed to their composers (the usual attribution where one is discussed),
 * with the length of a student's performance. A piece belongs to a period (baroque, classical,
 * romantic, twentieth and twenty-first centuries) and, when its composer is French, also to
 * "Musique française"; film music, jazz and popular music have their own styles.
 */
final class Repertoire {

    private Repertoire() {
    }

    /** The style of an event's programme: column {@code musical_event.repertoire}. */
    enum Style {
        BAROQUE("Musique baroque"),
        CLASSICAL("Musique classique"),
        ROMANTIC("Musique romantique"),
        FRENCH("Musique française"),
        MODERN("Musique des XXe et XXIe siècles"),
        FILM("Musiques de film"),
        JAZZ("Jazz et musiques actuelles"),
        /** Any piece: recitals, exams, end-of-year shows. */
        ANY("Répertoire varié");

        final String label;

        Style(String label) {
            this.label = label;
        }
    }

    /**
     * A piece as performed by a student.
     *
     * @param styles the programmes it fits (never {@link Style#ANY}: every piece fits that one)
     * @param instruments names of the instruments ({@link SchoolCatalogue#INSTRUMENTS}) it is played on
     */
    record Piece(String composer, String title, int seconds, Set<Style> styles, List<String> instruments) {

        boolean fits(Style programme) {
            return programme == Style.ANY || styles.contains(programme);
        }
    }

    private static final String PIANO = "Piano";
    private static final String ORGAN = "Orgue";
    private static final String HARPSICHORD = "Clavecin";
    private static final String VIOLIN = "Violon";
    private static final String VIOLA = "Alto";
    private static final String CELLO = "Violoncelle";
    private static final String DOUBLE_BASS = "Contrebasse";
    private static final String GUITAR = "Guitare";
    private static final String HARP = "Harpe";
    private static final String FLUTE = "Flûte traversière";
    private static final String CLARINET = "Clarinette";
    private static final String OBOE = "Hautbois";
    private static final String BASSOON = "Basson";
    private static final String SAXOPHONE = "Saxophone";
    private static final String TRUMPET = "Trompette";
    private static final String HORN = "Cor";
    private static final String TROMBONE = "Trombone";
    private static final String TUBA = "Tuba";
    private static final String DRUMS = "Batterie";
    private static final String PERCUSSION = "Percussions";
    private static final String VOICE = "Chant";
    private static final String ELECTRIC_GUITAR = "Guitare électrique";
    private static final String BASS_GUITAR = "Basse électrique";

    static final List<Piece> PIECES = List.of(
            // keyboards
            piece("Johann Sebastian Bach", "Prélude en do majeur BWV 846", 140, EnumSet.of(BAROQUE), PIANO, HARPSICHORD),
            piece("Johann Sebastian Bach", "Invention à deux voix n° 8 BWV 779", 70, EnumSet.of(BAROQUE),
                    PIANO, HARPSICHORD),
            piece("Johann Sebastian Bach", "Toccata et fugue en ré mineur BWV 565", 540, EnumSet.of(BAROQUE), ORGAN),
            piece("Johann Sebastian Bach", "Choral « Wachet auf, ruft uns die Stimme » BWV 645", 270,
                    EnumSet.of(BAROQUE), ORGAN),
            piece("Louis-Claude Daquin", "Noël X « Grand jeu et duo »", 330, EnumSet.of(BAROQUE, FRENCH),
                    ORGAN, HARPSICHORD),
            piece("François Couperin", "Les Barricades mystérieuses", 150, EnumSet.of(BAROQUE, FRENCH),
                    HARPSICHORD, PIANO),
            piece("Jean-Philippe Rameau", "Le Rappel des oiseaux", 210, EnumSet.of(BAROQUE, FRENCH), HARPSICHORD, PIANO),
            piece("Domenico Scarlatti", "Sonate en ré mineur K. 141", 270, EnumSet.of(BAROQUE), HARPSICHORD, PIANO),
            piece("Muzio Clementi", "Sonatine op. 36 n° 1 — Allegro", 100, EnumSet.of(CLASSICAL), PIANO),
            piece("Joseph Haydn", "Sonate en ré majeur Hob. XVI:37 — Allegro con brio", 240, EnumSet.of(CLASSICAL),
                    PIANO),
            piece("Wolfgang Amadeus Mozart", "Sonate K. 545 — Allegro", 270, EnumSet.of(CLASSICAL), PIANO),
            piece("Ludwig van Beethoven", "Lettre à Élise", 180, EnumSet.of(CLASSICAL), PIANO),
            piece("Frédéric Chopin", "Nocturne op. 9 n° 2", 270, EnumSet.of(ROMANTIC), PIANO),
            piece("Frédéric Chopin", "Valse op. 64 n° 2", 210, EnumSet.of(ROMANTIC), PIANO),
            piece("Robert Schumann", "Scènes d'enfants — Rêverie", 170, EnumSet.of(ROMANTIC), PIANO),
            piece("Gabriel Fauré", "Romance sans paroles op. 17 n° 3", 160, EnumSet.of(ROMANTIC, FRENCH), PIANO),
            piece("César Franck", "Prélude, fugue et variation op. 18", 600, EnumSet.of(ROMANTIC, FRENCH), ORGAN),
            piece("Léon Boëllmann", "Suite gothique — Toccata", 240, EnumSet.of(ROMANTIC, FRENCH), ORGAN),
            piece("Charles-Marie Widor", "Symphonie n° 5 — Toccata", 360, EnumSet.of(ROMANTIC, FRENCH), ORGAN),
            piece("Claude Debussy", "Suite bergamasque — Clair de lune", 300, EnumSet.of(FRENCH), PIANO),
            piece("Claude Debussy", "Children's Corner — Golliwogg's Cakewalk", 180, EnumSet.of(FRENCH), PIANO),
            piece("Érik Satie", "Gymnopédie n° 1", 200, EnumSet.of(FRENCH), PIANO),
            piece("Érik Satie", "Gnossienne n° 1", 230, EnumSet.of(FRENCH), PIANO),
            piece("Maurice Ravel", "Pavane pour une infante défunte", 380, EnumSet.of(FRENCH), PIANO),
            piece("Francis Poulenc", "Mouvements perpétuels n° 1", 90, EnumSet.of(FRENCH, MODERN), PIANO),
            piece("Jehan Alain", "Litanies", 300, EnumSet.of(FRENCH, MODERN), ORGAN),
            piece("Béla Bartók", "Mikrokosmos — Danse dans le rythme bulgare n° 1", 90, EnumSet.of(MODERN), PIANO),
            piece("Philip Glass", "Metamorphosis One", 330, EnumSet.of(MODERN), PIANO),
            piece("György Ligeti", "Continuum", 250, EnumSet.of(MODERN), HARPSICHORD),
            piece("Yann Tiersen", "Le Fabuleux Destin d'Amélie Poulain — Comptine d'un autre été", 140,
                    EnumSet.of(FILM), PIANO),
            piece("Joe Hisaishi", "Le Voyage de Chihiro — One Summer's Day", 190, EnumSet.of(FILM), PIANO),
            piece("Scott Joplin", "The Entertainer", 240, EnumSet.of(JAZZ), PIANO),
            piece("Herbie Hancock", "Cantaloupe Island", 330, EnumSet.of(JAZZ), PIANO, ELECTRIC_GUITAR, BASS_GUITAR),
            // strings
            piece("Antonio Vivaldi", "Concerto en la mineur RV 356 — Allegro", 210, EnumSet.of(BAROQUE), VIOLIN),
            piece("Antonio Vivaldi", "Les Quatre Saisons — Le Printemps, Allegro", 200, EnumSet.of(BAROQUE), VIOLIN),
            piece("Johann Sebastian Bach", "Partita n° 3 BWV 1006 — Gavotte en rondeau", 190, EnumSet.of(BAROQUE),
                    VIOLIN),
            piece("Johann Sebastian Bach", "Suite pour violoncelle n° 1 BWV 1007 — Prélude", 150, EnumSet.of(BAROQUE),
                    CELLO, VIOLA, PERCUSSION),
            piece("Georg Philipp Telemann", "Concerto pour alto en sol majeur TWV 51:G9 — Largo", 180,
                    EnumSet.of(BAROQUE), VIOLA),
            piece("Henry Eccles", "Sonate en sol mineur — Largo", 180, EnumSet.of(BAROQUE), DOUBLE_BASS, CELLO, VIOLA),
            piece("Wolfgang Amadeus Mozart", "Concerto pour violon n° 3 K. 216 — Adagio", 480, EnumSet.of(CLASSICAL),
                    VIOLIN),
            piece("Wolfgang Amadeus Mozart", "Une petite musique de nuit K. 525 — Romance", 330,
                    EnumSet.of(CLASSICAL), VIOLIN, VIOLA, CELLO, DOUBLE_BASS),
            piece("Joseph Haydn", "Concerto pour violoncelle en do majeur Hob. VIIb:1 — Adagio", 480,
                    EnumSet.of(CLASSICAL), CELLO),
            piece("Carl Stamitz", "Concerto pour alto en ré majeur — Allegro", 540, EnumSet.of(CLASSICAL), VIOLA),
            piece("Jules Massenet", "Thaïs — Méditation", 300, EnumSet.of(ROMANTIC, FRENCH), VIOLIN),
            piece("Edward Elgar", "Salut d'amour", 180, EnumSet.of(ROMANTIC), VIOLIN, CELLO),
            piece("Friedrich Seitz", "Concerto n° 5 op. 22 — Allegro moderato", 240, EnumSet.of(ROMANTIC), VIOLIN),
            piece("Oskar Rieding", "Concerto en si mineur op. 35 — Allegro moderato", 230, EnumSet.of(ROMANTIC), VIOLIN),
            piece("Camille Saint-Saëns", "Le Carnaval des animaux — Le Cygne", 190, EnumSet.of(ROMANTIC, FRENCH), CELLO),
            piece("Camille Saint-Saëns", "Le Carnaval des animaux — L'Éléphant", 90, EnumSet.of(ROMANTIC, FRENCH),
                    DOUBLE_BASS, TUBA),
            piece("Gabriel Fauré", "Élégie op. 24", 400, EnumSet.of(ROMANTIC, FRENCH), CELLO),
            piece("Gabriel Fauré", "Sicilienne op. 78", 220, EnumSet.of(ROMANTIC, FRENCH), CELLO, FLUTE, VIOLA),
            piece("Max Bruch", "Romance op. 85", 480, EnumSet.of(ROMANTIC), VIOLA),
            piece("Giovanni Bottesini", "Élégie en ré", 330, EnumSet.of(ROMANTIC), DOUBLE_BASS),
            piece("Béla Bartók", "Danses populaires roumaines", 380, EnumSet.of(MODERN), VIOLIN),
            piece("Arvo Pärt", "Spiegel im Spiegel", 540, EnumSet.of(MODERN), VIOLIN, VIOLA, CELLO),
            piece("John Williams", "La Liste de Schindler — Thème", 250, EnumSet.of(FILM), VIOLIN),
            piece("Ennio Morricone", "Cinema Paradiso — Thème", 200, EnumSet.of(FILM), VIOLIN, CELLO),
            piece("John Williams", "Les Dents de la mer — Thème", 150, EnumSet.of(FILM), DOUBLE_BASS, TUBA),
            piece("Django Reinhardt et Stéphane Grappelli", "Minor Swing", 200, EnumSet.of(JAZZ),
                    VIOLIN, GUITAR, ELECTRIC_GUITAR, DOUBLE_BASS),
            // plucked
            piece("Gaspar Sanz", "Canarios", 150, EnumSet.of(BAROQUE), GUITAR),
            piece("Robert de Visée", "Suite en ré mineur — Prélude", 70, EnumSet.of(BAROQUE, FRENCH), GUITAR),
            piece("Turlough O'Carolan", "Carolan's Concerto", 180, EnumSet.of(BAROQUE), HARP),
            piece("Georg Friedrich Haendel", "Concerto pour harpe op. 4 n° 6 — Andante allegro", 300,
                    EnumSet.of(BAROQUE), HARP),
            piece("Fernando Sor", "Étude op. 35 n° 22", 130, EnumSet.of(CLASSICAL), GUITAR),
            piece("Matteo Carcassi", "Étude op. 60 n° 7", 90, EnumSet.of(CLASSICAL), GUITAR),
            piece("Francisco Tárrega", "Lágrima", 110, EnumSet.of(ROMANTIC), GUITAR),
            piece("Francisco Tárrega", "Recuerdos de la Alhambra", 280, EnumSet.of(ROMANTIC), GUITAR),
            piece("Isaac Albéniz", "Asturias (Leyenda)", 360, EnumSet.of(ROMANTIC), GUITAR),
            piece("Alphonse Hasselmans", "La Source op. 44", 240, EnumSet.of(ROMANTIC, FRENCH), HARP),
            piece("Gabriel Fauré", "Impromptu pour harpe op. 86", 420, EnumSet.of(ROMANTIC, FRENCH), HARP),
            piece("Claude Debussy", "Danse sacrée et danse profane", 600, EnumSet.of(FRENCH), HARP),
            piece("Marcel Tournier", "Féerie", 420, EnumSet.of(FRENCH, MODERN), HARP),
            piece("Bernard Andrès", "Narthex", 180, EnumSet.of(FRENCH, MODERN), HARP),
            piece("Heitor Villa-Lobos", "Prélude n° 1", 270, EnumSet.of(MODERN), GUITAR),
            piece("Agustín Barrios", "Julia Florida", 270, EnumSet.of(MODERN), GUITAR),
            piece("Roland Dyens", "Tango en skaï", 180, EnumSet.of(FRENCH, MODERN), GUITAR),
            piece("Nino Rota", "Le Parrain — Thème", 150, EnumSet.of(FILM), GUITAR),
            piece("Antônio Carlos Jobim", "Garota de Ipanema", 250, EnumSet.of(JAZZ), GUITAR, FLUTE, SAXOPHONE, VOICE),
            // woodwinds
            piece("Johann Sebastian Bach", "Suite n° 2 BWV 1067 — Badinerie", 90, EnumSet.of(BAROQUE), FLUTE),
            piece("Georg Philipp Telemann", "Fantaisie n° 2 en la mineur", 260, EnumSet.of(BAROQUE), FLUTE),
            piece("Alessandro Marcello", "Concerto pour hautbois en ré mineur — Adagio", 240, EnumSet.of(BAROQUE), OBOE),
            piece("Antonio Vivaldi", "Concerto pour basson en mi mineur RV 484 — Allegro poco", 240,
                    EnumSet.of(BAROQUE), BASSOON),
            piece("Christoph Willibald Gluck", "Orphée et Eurydice — Danse des esprits bienheureux", 240,
                    EnumSet.of(CLASSICAL), FLUTE),
            piece("Wolfgang Amadeus Mozart", "Concerto pour clarinette K. 622 — Adagio", 420, EnumSet.of(CLASSICAL),
                    CLARINET),
            piece("Wolfgang Amadeus Mozart", "Concerto pour hautbois K. 314 — Adagio non troppo", 420,
                    EnumSet.of(CLASSICAL), OBOE),
            piece("Wolfgang Amadeus Mozart", "Concerto pour basson K. 191 — Andante ma adagio", 420,
                    EnumSet.of(CLASSICAL), BASSOON),
            piece("Carl Maria von Weber", "Concertino op. 26", 540, EnumSet.of(ROMANTIC), CLARINET),
            piece("Camille Saint-Saëns", "Sonate pour hautbois op. 166 — Andantino", 280, EnumSet.of(ROMANTIC, FRENCH),
                    OBOE),
            piece("Camille Saint-Saëns", "Sonate pour clarinette op. 167 — Allegretto", 330,
                    EnumSet.of(ROMANTIC, FRENCH), CLARINET),
            piece("Camille Saint-Saëns", "Sonate pour basson op. 168 — Allegretto moderato", 300,
                    EnumSet.of(ROMANTIC, FRENCH), BASSOON),
            piece("Claude Debussy", "Syrinx", 170, EnumSet.of(FRENCH), FLUTE),
            piece("Francis Poulenc", "Sonate pour flûte — Cantilena", 300, EnumSet.of(FRENCH, MODERN), FLUTE),
            piece("Paul Bonneau", "Caprice en forme de valse", 330, EnumSet.of(FRENCH, MODERN), SAXOPHONE),
            piece("Eugène Bozza", "Aria", 250, EnumSet.of(FRENCH, MODERN), SAXOPHONE),
            piece("Ennio Morricone", "Mission — Gabriel's Oboe", 160, EnumSet.of(FILM), OBOE),
            piece("Henry Mancini", "La Panthère rose", 160, EnumSet.of(FILM), SAXOPHONE, CLARINET),
            piece("John Williams", "Harry Potter — Hedwig's Theme", 150, EnumSet.of(FILM), FLUTE, CLARINET, PIANO),
            piece("Paul Desmond", "Take Five", 320, EnumSet.of(JAZZ), SAXOPHONE, DRUMS, PIANO),
            piece("Sidney Bechet", "Petite Fleur", 190, EnumSet.of(JAZZ), CLARINET, SAXOPHONE),
            piece("Duke Ellington", "In a Sentimental Mood", 240, EnumSet.of(JAZZ), SAXOPHONE, TROMBONE, PIANO),
            // brass
            piece("Jeremiah Clarke", "Prince of Denmark's March", 150, EnumSet.of(BAROQUE), TRUMPET),
            piece("Jean-Joseph Mouret", "Suite de symphonies — Rondeau", 120, EnumSet.of(BAROQUE, FRENCH),
                    TRUMPET, HORN),
            piece("Georg Friedrich Haendel", "Water Music — Hornpipe", 200, EnumSet.of(BAROQUE),
                    TRUMPET, HORN, TROMBONE, TUBA),
            piece("Joseph Haydn", "Concerto pour trompette Hob. VIIe:1 — Andante", 240, EnumSet.of(CLASSICAL), TRUMPET),
            piece("Wolfgang Amadeus Mozart", "Concerto pour cor n° 3 K. 447 — Romance", 270, EnumSet.of(CLASSICAL),
                    HORN),
            piece("Franz Strauss", "Nocturno op. 7", 360, EnumSet.of(ROMANTIC), HORN),
            piece("Jean-Baptiste Arban", "Fantaisie brillante", 420, EnumSet.of(ROMANTIC, FRENCH), TRUMPET),
            piece("Alexandre Guilmant", "Morceau symphonique op. 88", 420, EnumSet.of(ROMANTIC, FRENCH), TROMBONE),
            piece("Ferdinand David", "Concertino op. 4 — Allegro maestoso", 360, EnumSet.of(ROMANTIC), TROMBONE),
            piece("Georges Bizet", "Carmen — Chanson du Toréador", 180, EnumSet.of(ROMANTIC, FRENCH),
                    TROMBONE, TUBA, TRUMPET),
            piece("Paul Dukas", "Villanelle", 360, EnumSet.of(FRENCH), HORN),
            piece("Jean-Michel Defaye", "Deux Danses", 360, EnumSet.of(FRENCH, MODERN), TROMBONE),
            piece("Ralph Vaughan Williams", "Concerto pour tuba — Romance", 270, EnumSet.of(MODERN), TUBA),
            piece("John Williams", "Star Wars — Thème principal", 300, EnumSet.of(FILM), TRUMPET, HORN, TROMBONE),
            piece("Traditionnel", "When the Saints Go Marching In", 180, EnumSet.of(JAZZ),
                    TRUMPET, TROMBONE, TUBA, CLARINET),
            // percussion
            piece("Maurice Ravel", "Boléro (caisse claire)", 300, EnumSet.of(FRENCH, MODERN), PERCUSSION, DRUMS),
            piece("Jacques Delécluse", "Test-Claire", 150, EnumSet.of(FRENCH, MODERN), PERCUSSION),
            piece("Clair Omar Musser", "Étude en do majeur op. 6 n° 10", 150, EnumSet.of(MODERN), PERCUSSION),
            piece("Éric Sammut", "Rotation n° 1", 240, EnumSet.of(FRENCH, MODERN), PERCUSSION),
            piece("Steve Reich", "Clapping Music", 270, EnumSet.of(MODERN), PERCUSSION, DRUMS),
            piece("Lalo Schifrin", "Mission impossible — Thème", 180, EnumSet.of(FILM), DRUMS, PERCUSSION, BASS_GUITAR),
            piece("Louis Prima", "Sing, Sing, Sing", 300, EnumSet.of(JAZZ), DRUMS),
            // voice
            piece("Henry Purcell", "Didon et Énée — When I am laid in earth", 240, EnumSet.of(BAROQUE), VOICE),
            piece("Georg Friedrich Haendel", "Rinaldo — Lascia ch'io pianga", 300, EnumSet.of(BAROQUE), VOICE),
            piece("Wolfgang Amadeus Mozart", "Les Noces de Figaro — Voi che sapete", 170, EnumSet.of(CLASSICAL), VOICE),
            piece("Franz Schubert", "Ave Maria D. 839", 300, EnumSet.of(ROMANTIC), VOICE),
            piece("Gabriel Fauré", "Après un rêve", 170, EnumSet.of(ROMANTIC, FRENCH), VOICE),
            piece("Georges Bizet", "Carmen — Habanera", 260, EnumSet.of(ROMANTIC, FRENCH), VOICE),
            piece("Claude Debussy", "Beau soir", 150, EnumSet.of(FRENCH), VOICE),
            piece("Reynaldo Hahn", "À Chloris", 180, EnumSet.of(FRENCH), VOICE),
            piece("Francis Poulenc", "Les Chemins de l'amour", 240, EnumSet.of(FRENCH, MODERN), VOICE),
            piece("Michel Legrand", "Les Parapluies de Cherbourg — Je ne pourrai jamais vivre sans toi", 180,
                    EnumSet.of(FILM), VOICE),
            piece("George Gershwin", "Porgy and Bess — Summertime", 180, EnumSet.of(JAZZ), VOICE, SAXOPHONE),
            piece("Charles Trenet", "La Mer", 200, EnumSet.of(JAZZ), VOICE),
            // jazz and popular music
            piece("Joseph Kosma", "Les Feuilles mortes", 240, EnumSet.of(JAZZ),
                    VOICE, ELECTRIC_GUITAR, PIANO, SAXOPHONE, DOUBLE_BASS),
            piece("Miles Davis", "So What", 320, EnumSet.of(JAZZ), ELECTRIC_GUITAR, BASS_GUITAR, TRUMPET, DOUBLE_BASS),
            piece("Michel Legrand", "L'Affaire Thomas Crown — Les Moulins de mon cœur", 250, EnumSet.of(FILM),
                    ELECTRIC_GUITAR, VOICE, PIANO),
            piece("Jean-Louis Aubert", "Un autre monde", 240, EnumSet.of(JAZZ),
                    ELECTRIC_GUITAR, BASS_GUITAR, DRUMS, VOICE),
            piece("Stevie Wonder", "Superstition", 270, EnumSet.of(JAZZ), BASS_GUITAR, DRUMS, ELECTRIC_GUITAR),
            piece("Bill Withers", "Ain't No Sunshine", 130, EnumSet.of(JAZZ), VOICE, GUITAR, BASS_GUITAR));

    /** Pieces by instrument name, then by style of programme; filled once, read by every family. */
    private static final Map<String, Map<Style, List<Piece>>> BY_INSTRUMENT_AND_STYLE = index();

    /** The pieces an instrument plays in a programme of this style; empty when it has none. */
    static List<Piece> pieces(String instrument, Style programme) {
        Map<Style, List<Piece>> byStyle = BY_INSTRUMENT_AND_STYLE.get(instrument);
        return byStyle == null ? List.of() : byStyle.getOrDefault(programme, List.of());
    }

    private static Map<String, Map<Style, List<Piece>>> index() {
        Map<String, Map<Style, List<Piece>>> index = new LinkedHashMap<>();
        for (SchoolCatalogue.Instrument instrument : SchoolCatalogue.INSTRUMENTS) {
            Map<Style, List<Piece>> byStyle = new LinkedHashMap<>();
            for (Style style : Style.values()) {
                List<Piece> fitting = PIECES.stream()
                        .filter(p -> p.instruments().contains(instrument.name()) && p.fits(style))
                        .toList();
                if (!fitting.isEmpty()) {
                    byStyle.put(style, fitting);
                }
            }
            index.put(instrument.name(), byStyle);
        }
        return index;
    }

    private static Piece piece(String composer, String title, int seconds, Set<Style> styles, String... instruments) {
        return new Piece(composer, title, seconds, Set.copyOf(styles), List.of(instruments));
    }
}
