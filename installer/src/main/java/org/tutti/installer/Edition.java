package org.tutti.installer;

import java.util.Locale;

/**
 * What the build packages. The two desktop editions are the same application and runtime; they
 * differ only by the baked configuration ({@code "mode"}), the package name and the desktop entry.
 * The relay is the same {@code tutti.jar} started headless, with {@code tutti-schema} beside it.
 */
public enum Edition {
    FAMILY("tutti-family", "Tutti", "family",
            "Espace des familles de l'école de musique : cours, réinscriptions, factures",
            "The music school's family portal: courses, re-enrolment, invoices"),
    STAFF("tutti-staff", "Tutti Accueil", "staff",
            "Accueil de l'école de musique : familles, validations, facturation, comptes",
            "The music school's front desk: families, validations, billing, accounts"),
    RELAY("tutti-relay", "Tutti relay", null,
            "Relais de courrier de Tutti (service système) et tutti-schema",
            "Tutti's mail relay (a system service) and the tutti-schema command line");

    private final String packageName;
    private final String menuName;
    private final String mode;
    private final String commentFr;
    private final String commentEn;

    Edition(String packageName, String menuName, String mode, String commentFr, String commentEn) {
        this.packageName = packageName;
        this.menuName = menuName;
        this.mode = mode;
        this.commentFr = commentFr;
        this.commentEn = commentEn;
    }

    /** The package, launcher and installation folder name: {@code tutti-family}. */
    public String packageName() {
        return packageName;
    }

    /** The name in the desktop menu: "Tutti", "Tutti Accueil". */
    public String menuName() {
        return menuName;
    }

    /** The {@code "mode"} a baked {@code tutti.json} of this edition must have; null for the relay. */
    public String mode() {
        return mode;
    }

    public String commentFr() {
        return commentFr;
    }

    public String commentEn() {
        return commentEn;
    }

    /** A desktop application (window, JavaFX, desktop entry, icon), not the headless relay. */
    public boolean desktop() {
        return mode != null;
    }

    /** {@code family}, {@code staff} or {@code relay}, as given on the build's command line. */
    public static Edition parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Edition edition : values()) {
            if (edition.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return edition;
            }
        }
        throw new PackagingException("Unknown edition \"" + name + "\": expected family, staff or relay");
    }
}
