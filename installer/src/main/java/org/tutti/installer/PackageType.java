package org.tutti.installer;

import java.util.Locale;

/** The installer format of each system; a package is built on a machine of that system. */
public enum PackageType {
    DEB("deb"),
    MSI("msi"),
    DMG("dmg");

    private final String extension;

    PackageType(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** deb on Linux, msi on Windows, dmg on macOS (from {@code os.name}). */
    public static PackageType forOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return MSI;
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return DMG;
        }
        if (os.contains("linux")) {
            return DEB;
        }
        throw new PackagingException("No package type for the system \"" + osName
                + "\": build the packages on Linux (deb), Windows (msi) or macOS (dmg)");
    }

    /** The Debian architecture of {@code os.arch}: amd64, arm64. */
    public static String debianArchitecture(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
    }
}
