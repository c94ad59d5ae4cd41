package org.tutti.client.config;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code jdbc:postgresql:} URL says about the security of its connection, read the way
 * pgjdbc 42.7 reads it ({@code org.postgresql.Driver.parseURL}): which hosts it connects to and
 * whether it verifies the server's certificate.
 *
 * <p><b>Verified</b>: the URL's {@code sslmode} is {@code verify-full} or {@code verify-ca} (any
 * case, as pgjdbc compares it) and {@code sslfactory} is not pgjdbc's
 * {@code NonValidatingFactory}, which accepts any certificate. Anything else is unverified:
 * no {@code sslmode} (pgjdbc then uses {@code prefer}, which falls back to plain text and never
 * checks a certificate), {@code disable}, {@code allow}, {@code prefer}, {@code require}, and
 * {@code ssl=true} alone: pgjdbc 42.7 happens to read that as {@code verify-full}, but older
 * drivers did not and the file must say what it means, so {@code sslmode} has to be written.
 * Parameter names are case-sensitive as in pgjdbc ({@code SSLMODE=verify-full} is ignored by the
 * driver, so it is ignored here); when a parameter is repeated the last one wins, as in pgjdbc.
 *
 * <p><b>On this computer</b>: every host is {@code localhost}, an IPv4 address in 127.0.0.0/8
 * or the IPv6 loopback address in brackets ({@code [::1]}); a URL without a host
 * ({@code jdbc:postgresql:tutti}) is {@code localhost} for pgjdbc. Host names are never looked
 * up. Not on this computer, whatever the host: a {@code service} parameter without a host in the
 * URL (the host then comes from a {@code pg_service.conf} file this check cannot see), a
 * {@code socketFactory} parameter (the factory decides where the connection goes, so the host
 * name proves nothing; Tutti ships no Unix-socket factory, so a Unix-domain socket is not a
 * case here), and a URL pgjdbc would not accept (no host to speak of).
 */
final class PostgresConnectionUrl {

    static final String PREFIX = "jdbc:postgresql:";
    /** pgjdbc's parameter naming the CA certificate file that verifies the server. */
    static final String SSL_ROOT_CERT = "sslrootcert";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String DEFAULT_HOST = "localhost";

    private final List<String> hosts;
    private final boolean hostsKnown;
    private final boolean socketFactory;
    private final String sslmode;
    private final boolean sslTrue;
    private final boolean nonValidatingFactory;
    private final String sslRootCert;

    private PostgresConnectionUrl(List<String> hosts, boolean hostsKnown, boolean socketFactory, String sslmode,
            boolean sslTrue, boolean nonValidatingFactory, String sslRootCert) {
        this.hosts = List.copyOf(hosts);
        this.hostsKnown = hostsKnown;
        this.socketFactory = socketFactory;
        this.sslmode = sslmode;
        this.sslTrue = sslTrue;
        this.nonValidatingFactory = nonValidatingFactory;
        this.sslRootCert = sslRootCert;
    }

    /** True for a PostgreSQL URL (the only kind this class reads). */
    static boolean isPostgres(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** Reads a {@code jdbc:postgresql:} URL; one the driver would refuse reads as "hosts unknown". */
    static PostgresConnectionUrl parse(String url) {
        String text = url.strip().substring(PREFIX.length());
        String server = text;
        String arguments = "";
        int question = text.indexOf('?');
        if (question >= 0) {
            server = text.substring(0, question);
            arguments = text.substring(question + 1);
        }

        List<String> hosts = new ArrayList<>();
        boolean hostsKnown = true;
        boolean hostsInUrl = false;
        if (server.equals("//") || server.equals("///") || !server.startsWith("/")) {
            hosts.add(DEFAULT_HOST); // jdbc:postgresql:tutti, jdbc:postgresql:// : pgjdbc's default host
        } else if (server.startsWith("//") && server.indexOf('/', 2) >= 0
                && server.indexOf('/', server.indexOf('/', 2) + 1) < 0) {
            hostsInUrl = true;
            // split(",") as pgjdbc does: trailing empty entries are dropped
            for (String address : server.substring(2, server.indexOf('/', 2)).split(",")) {
                int colon = address.lastIndexOf(':');
                if (colon >= 0 && address.lastIndexOf(']') < colon) {
                    hosts.add(colon == 0 ? DEFAULT_HOST : address.substring(0, colon));
                } else {
                    hosts.add(address);
                }
            }
        } else {
            hostsKnown = false; // "jdbc:postgresql://host" or "jdbc:postgresql:/x": the driver refuses it
        }

        boolean service = false;
        boolean socketFactory = false;
        String sslmode = null;
        String ssl = null;
        String sslfactory = null;
        String sslrootcert = null;
        for (String token : arguments.split("&")) {
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            String name = equals < 0 ? token : token.substring(0, equals);
            String value = equals < 0 ? "" : decode(token.substring(equals + 1));
            if (value == null) {
                hostsKnown = false; // pgjdbc refuses a URL whose value cannot be decoded
                continue;
            }
            if (name.equalsIgnoreCase("host") || name.equals("PGHOST")) {
                hosts.clear();
                hosts.addAll(List.of(value.split(",")));
                hostsInUrl = true;
            } else if (name.equals("service")) {
                service = true;
            } else if (name.equals("socketFactory")) {
                socketFactory = true;
            } else if (name.equals("sslmode")) {
                sslmode = value;
            } else if (name.equals("ssl")) {
                ssl = value;
            } else if (name.equals("sslfactory")) {
                sslfactory = value;
            } else if (name.equals(SSL_ROOT_CERT)) {
                sslrootcert = value;
            }
        }
        if (service && !hostsInUrl) {
            hostsKnown = false; // the host comes from pg_service.conf
        }
        boolean sslTrue = ssl != null && (ssl.isEmpty() || ssl.equalsIgnoreCase("true"));
        boolean nonValidating = sslfactory != null && sslfactory.strip().endsWith("NonValidatingFactory");
        return new PostgresConnectionUrl(hosts, hostsKnown, socketFactory, sslmode, sslTrue, nonValidating,
                sslrootcert == null || sslrootcert.isEmpty() ? null : sslrootcert);
    }

    /** As pgjdbc decodes a parameter value; null when it cannot be decoded (the driver refuses the URL). */
    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The hosts pgjdbc will try, in order; empty when they cannot be known from the URL. */
    List<String> hosts() {
        return hostsKnown ? hosts : List.of();
    }

    /** The CA certificate file the URL names ({@code sslrootcert}, decoded), as written; empty when none. */
    Optional<String> sslRootCert() {
        return Optional.ofNullable(sslRootCert);
    }

    /**
     * {@code url} naming {@code certificate} as its {@code sslrootcert} (any it named is removed;
     * the new one is last, encoded as pgjdbc decodes it).
     */
    static String withSslRootCert(String url, String certificate) {
        String text = url.strip();
        int question = text.indexOf('?');
        StringBuilder result = new StringBuilder(question < 0 ? text : text.substring(0, question));
        String separator = "?";
        if (question >= 0) {
            for (String token : text.substring(question + 1).split("&")) {
                if (token.isEmpty() || token.equals(SSL_ROOT_CERT) || token.startsWith(SSL_ROOT_CERT + "=")) {
                    continue;
                }
                result.append(separator).append(token);
                separator = "&";
            }
        }
        return result.append(separator).append(SSL_ROOT_CERT).append('=')
                .append(URLEncoder.encode(certificate, StandardCharsets.UTF_8)).toString();
    }

    /** True when the connection cannot leave this computer (see the class comment). */
    boolean staysOnThisComputer() {
        return hostsKnown && !socketFactory && !hosts.isEmpty()
                && hosts.stream().allMatch(PostgresConnectionUrl::isLoopback);
    }

    /** True when the URL asks pgjdbc to verify the server's certificate. */
    boolean verifiesTheServer() {
        return sslmode != null && !nonValidatingFactory
                && (sslmode.equalsIgnoreCase("verify-full") || sslmode.equalsIgnoreCase("verify-ca"));
    }

    /** True when a machine in the middle could read or change the traffic (verified or local: false). */
    boolean isUnverifiedRemote() {
        return !verifiesTheServer() && !staysOnThisComputer();
    }

    /** What the URL asks for, in the words of the URL, for messages and logs. */
    String tlsRequest() {
        if (sslmode == null) {
            return sslTrue ? "ssl=true without sslmode" : "no sslmode";
        }
        if (nonValidatingFactory) {
            return "sslmode=" + sslmode + " with sslfactory=...NonValidatingFactory";
        }
        return "sslmode=" + sslmode;
    }

    /** localhost, 127.0.0.0/8 or a bracketed IPv6 loopback address; no name is looked up. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int part = 1; part <= 4; part++) {
                if (Integer.parseInt(ipv4.group(part)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(ipv4.group(1)) == 127;
        }
        if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
            try {
                // a bracketed literal is parsed, never looked up: an invalid one throws
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
