package org.tutti.client.domain;

/**
 * A site's settings as Paramètres shows and saves them ({@code tutti.site_settings()}).
 *
 * @param logo                  the letterhead logo (PNG or JPEG bytes), or null
 * @param maxDocumentBytes      the upload limit for one document, in bytes
 * @param identifierPattern     "F####": a literal prefix then '#' per digit at least
 * @param mailSender            the From address of the site's mails, or null for the relay's own
 * @param sessionLifetimeHours  how long a session of the site lasts, or null for the server's setting
 * @param documentPrefix        the prefix of invoice numbers (read only here), or null
 * @param version               the version read, sent back to detect another save meanwhile
 * @param mayChange             whether the session's account holds the settings right
 */
public record SiteSettings(String name, String address1, String address2, String postalCode, String city,
        String phone, String email, byte[] logo, boolean onlinePayment, String onlinePaymentUrl,
        String paymentInstructions, int maxDocumentBytes, String identifierPattern, String mailSender,
        Integer sessionLifetimeHours, String documentPrefix, long version, boolean mayChange) {
}
