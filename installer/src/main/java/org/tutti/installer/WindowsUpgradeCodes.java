package org.tutti.installer;

/**
 * The MSI upgrade code of each edition: fixed forever, so that installing a newer MSI of an
 * edition replaces the installed one (Windows Installer's major upgrade) instead of adding a
 * second copy. Never change them; a new edition gets a new one.
 */
final class WindowsUpgradeCodes {

    static final String FAMILY = "6f1f3a52-0b7e-4c39-9d55-3f2a8c1e7b01";
    static final String STAFF = "2d8b6c47-91a3-4e0f-b5d2-7c4e9a0f3b02";

    private WindowsUpgradeCodes() {
    }

    static String of(Edition edition) {
        return switch (edition) {
            case FAMILY -> FAMILY;
            case STAFF -> STAFF;
            case RELAY -> throw new PackagingException("The relay has no MSI");
        };
    }
}
