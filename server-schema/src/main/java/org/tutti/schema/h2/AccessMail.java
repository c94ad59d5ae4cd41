package org.tutti.schema.h2;

/**
 * The French mail that hands a family its account (identifier and a first or new password), queued
 * by {@code tutti.issue_first_password}: the same subject, text and HTML as on PostgreSQL
 * (postgresql/V19). The bodies hold {@link PasswordMail#SECRET_PLACEHOLDER} where the relay puts
 * the password when it sends.
 */
final class AccessMail {

    static final String SUBJECT = "Votre compte Tutti";

    private AccessMail() {
    }

    /** @param name the family's responsible adult ("Mme Apolline Ferrari") */
    static String bodyText(PasswordMail.Site site, String identifier, String name) {
        return FieldLabels.greeting(name) + "\n\n"
                + "Voici l'accès à votre compte Tutti (" + site.name() + ").\n\n"
                + "Identifiant : " + identifier + "\n"
                + "Mot de passe : " + PasswordMail.SECRET_PLACEHOLDER + "\n\n"
                + "Installez Tutti sur votre ordinateur (l'accueil vous indique où le trouver), ouvrez-le, choisissez « "
                + site.name() + " » dans la fenêtre de connexion, puis saisissez votre identifiant et ce mot de passe. "
                + "Choisissez ensuite votre propre mot de passe dans « Mot de passe » (10 caractères au moins). "
                + "Un mot de passe reçu auparavant ne fonctionne plus.\n\n"
                + "Cordialement,\n\n"
                + site.address() + "\n";
    }

    static String bodyHtml(PasswordMail.Site site, String identifier, String name) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + PasswordMail.escape(SUBJECT)
                + "</title></head>\n"
                + "<body style=\"font-family: sans-serif; line-height: 1.4\">\n"
                + "<p>" + PasswordMail.escape(FieldLabels.greeting(name)) + "</p>\n"
                + "<p>Voici l'accès à votre compte Tutti (" + PasswordMail.escape(site.name()) + ").</p>\n"
                + "<table>\n"
                + "<tr><td>Identifiant&nbsp;:</td><td><strong>" + PasswordMail.escape(identifier)
                + "</strong></td></tr>\n"
                + "<tr><td>Mot de passe&nbsp;:</td><td><strong><code>" + PasswordMail.SECRET_PLACEHOLDER
                + "</code></strong></td></tr>\n"
                + "</table>\n"
                + "<p>Installez Tutti sur votre ordinateur (l'accueil vous indique où le trouver), ouvrez-le, choisissez «&nbsp;"
                + PasswordMail.escape(site.name()) + "&nbsp;» dans la fenêtre de connexion, puis saisissez votre identifiant "
                + "et ce mot de passe. Choisissez ensuite votre propre mot de passe dans «&nbsp;Mot de passe&nbsp;» "
                + "(10 caractères au moins). Un mot de passe reçu auparavant ne fonctionne plus.</p>\n"
                + "<p>Cordialement,</p>\n"
                + "<p>" + PasswordMail.escape(site.address()).replace("\n", "<br>\n") + "</p>\n"
                + "</body></html>\n";
    }
}
