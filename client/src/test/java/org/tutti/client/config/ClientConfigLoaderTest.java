package org.tutti.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.client.service.ConfigurationFileException;
import org.tutti.client.service.InvalidSettingException;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;

class ClientConfigLoaderTest {

    @TempDir
    Path installation;
    @TempDir
    Path system;
    @TempDir
    Path user;

    /** The standard order: the user's file, then the system-wide one, then the installation's (baked in). */
    private ClientConfigLoader loader() {
        return new ClientConfigLoader(List.of(user, system, installation));
    }

    private static void write(Path folder, String json) throws IOException {
        Files.writeString(folder.resolve(ClientConfigLoader.FILE_NAME), json);
    }

    @Test
    void noFileAnywhereMeansTheEmbeddedDemo() {
        assertThat(loader().load()).isEmpty();
    }

    @Test
    void theFirstFolderWithAFileWinsAndUnknownPropertiesAreIgnored() throws IOException {
        write(system, """
                {"database": {"url": "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full",
                              "user": "tutti_staff", "password": "s3cret", "poolSize": 3},
                 "smtp": {"host": "smtp.example"}}
                """);
        write(installation, """
                {"database": {"url": "jdbc:postgresql://elsewhere/tutti?sslmode=verify-full", "user": "tutti_family",
                              "password": "x"}}
                """);

        ClientConfig config = loader().load().orElseThrow();

        assertThat(config.source()).isEqualTo(system.resolve("tutti.json"));
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.school.example/tutti?sslmode=verify-full");
        assertThat(config.database().user()).isEqualTo("tutti_staff");
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void theModeIsFamilyUnlessTheFileSaysStaff() throws IOException {
        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");
        assertThat(loader().load().orElseThrow().mode()).isEqualTo(ClientConfig.Mode.FAMILY);

        write(user, "{\"mode\": \"staff\", \"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_staff\"}}");
        ClientConfig staff = loader().load().orElseThrow();
        assertThat(staff.mode()).isEqualTo(ClientConfig.Mode.STAFF);
        assertThat(staff.mode().loginRole()).isEqualTo("tutti_staff");

        write(user, "{\"mode\": \" Family \", \"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");
        assertThat(loader().load().orElseThrow().mode()).isEqualTo(ClientConfig.Mode.FAMILY);
    }

    @Test
    void anUnknownModeIsABadConfigurationNamingTheFileAndTheValue() throws IOException {
        write(user, "{\"mode\": \"admin\", \"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION))
                .hasMessageContaining(user.resolve("tutti.json").toString())
                .hasMessageContaining("\"mode\" must be \"family\" or \"staff\" (found \"admin\")");
    }

    @Test
    void passwordsInTheUrlStayOutOfLogsAndMessages() throws IOException {
        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://db/tutti?user=x&password=s3cret&sslmode=verify-full\","
                + " \"user\": \"x\"}}");

        ClientConfig config = loader().load().orElseThrow();

        assertThat(config.database().displayUrl()).isEqualTo("jdbc:postgresql://db/tutti?...");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void aFileThatIsNotJsonIsABadConfigurationNamingTheFile() throws IOException {
        write(user, "{\"database\": {\"url\": ");

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION))
                .hasMessageContaining(user.resolve("tutti.json").toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void missingSettingsAreNamed() throws IOException {
        write(user, "{\"smtp\": {}}");
        assertThatThrownBy(() -> loader().load()).hasMessageContaining("no \"database\" section");

        write(user, "{\"database\": {\"user\": \"tutti_family\"}}");
        assertThatThrownBy(() -> loader().load()).hasMessageContaining("\"database.url\" is missing");

        write(user, "{\"database\": {\"url\": \"jdbc:mysql://x/y\", \"user\": \"u\"}}");
        assertThatThrownBy(() -> loader().load()).hasMessageContaining("jdbc:postgresql:");

        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://x/y\"}}");
        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION))
                .hasMessageContaining("\"database.user\" is missing");
    }

    /** A family client's file whose only interesting part is the URL (and the opt-out, when given). */
    private void writeUrl(String url, Boolean allowUnverifiedTls) throws IOException {
        write(user, "{\"database\": {\"url\": \"" + url + "\", \"user\": \"tutti_family\", \"password\": \"s3cret\""
                + (allowUnverifiedTls == null ? "" : ", \"allowUnverifiedTls\": " + allowUnverifiedTls) + "}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full",
        "jdbc:postgresql://db.school.example:5432/tutti?ssl=true&sslmode=verify-full",
        "jdbc:postgresql://db.school.example/tutti?sslmode=VERIFY-FULL",
        "jdbc:postgresql://db.school.example/tutti?sslmode=verify-ca",
        "jdbc:postgresql://db.school.example/tutti?sslmode=Verify-CA&sslfactory=org.postgresql.ssl.LibPQFactory",
        "jdbc:postgresql://db.school.example/tutti?sslmode=verify%2Dfull",
        "jdbc:postgresql://db.school.example/tutti?sslmode=require&sslmode=verify-full",
        "jdbc:postgresql://db1.school.example,db2.school.example:5433/tutti?sslmode=verify-full"})
    void aRemoteServerIsAcceptedWhenTheUrlAsksToVerifyItsCertificate(String url) throws IOException {
        writeUrl(url, null);

        ClientConfig config = loader().load().orElseThrow();

        assertThat(config.database().url()).isEqualTo(url);
        assertThat(config.database().unverifiedServer()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://db.school.example/tutti",
        "jdbc:postgresql://db.school.example/tutti?sslmode=disable",
        "jdbc:postgresql://db.school.example/tutti?sslmode=allow",
        "jdbc:postgresql://db.school.example/tutti?sslmode=prefer",
        "jdbc:postgresql://db.school.example/tutti?sslmode=require",
        "jdbc:postgresql://db.school.example/tutti?ssl=true",
        "jdbc:postgresql://db.school.example/tutti?SSLMODE=verify-full",
        "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full&sslmode=require",
        "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full%20",
        "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full&sslfactory=org.postgresql.ssl.NonValidatingFactory",
        "jdbc:postgresql://192.168.1.10:5432/tutti?sslmode=require",
        "jdbc:postgresql://[2001:db8::1]:5432/tutti"})
    void aRemoteServerWithoutCertificateVerificationIsRefusedNamingTheFileAndTheSettings(String url)
            throws IOException {
        writeUrl(url, null);

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(UnverifiedTlsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION);
                    assertThat(e.file()).isEqualTo(user.resolve("tutti.json"));
                    assertThat(e.urlSetting()).isEqualTo("database.url");
                    assertThat(e.optOutSetting()).isEqualTo("database.allowUnverifiedTls");
                })
                .hasMessageContaining(user.resolve("tutti.json").toString())
                .hasMessageContaining("\"database.url\" must ask for sslmode=verify-full (or verify-ca)")
                .hasMessageContaining("\"database.allowUnverifiedTls\": true")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theRefusalSaysWhichServerAndWhatTheUrlAsksForWithoutItsPassword() throws IOException {
        writeUrl("jdbc:postgresql://db.school.example/tutti?password=s3cret&sslmode=require", null);
        assertThatThrownBy(() -> loader().load())
                .hasMessageContaining("(it reaches db.school.example with sslmode=require)")
                .hasMessageNotContaining("s3cret");

        writeUrl("jdbc:postgresql://db.school.example/tutti?ssl=true", null);
        assertThatThrownBy(() -> loader().load()).hasMessageContaining("(it reaches db.school.example with ssl=true without sslmode)");

        writeUrl("jdbc:postgresql://localhost,db2.school.example/tutti", null);
        assertThatThrownBy(() -> loader().load())
                .hasMessageContaining("(it reaches localhost, db2.school.example with no sslmode)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://localhost/tutti",
        "jdbc:postgresql://LocalHost:5433/tutti?sslmode=disable",
        "jdbc:postgresql://127.0.0.1:5432/tutti",
        "jdbc:postgresql://127.10.20.30/tutti?sslmode=prefer",
        "jdbc:postgresql://[::1]:5432/tutti",
        "jdbc:postgresql://[0:0:0:0:0:0:0:1]/tutti",
        "jdbc:postgresql://localhost,127.0.0.1:5433,[::1]/tutti?targetServerType=primary",
        "jdbc:postgresql://:5433/tutti",
        "jdbc:postgresql:tutti",
        "jdbc:postgresql://db.school.example/tutti?host=localhost",
        "jdbc:h2:mem:tutti"})
    void aServerOnThisComputerNeedsNoVerification(String url) throws IOException {
        writeUrl(url, null);

        ClientConfig config = loader().load().orElseThrow();

        assertThat(config.database().url()).isEqualTo(url);
        assertThat(config.database().unverifiedServer()).isEmpty();
    }

    /** Every host of a multi-host URL must be on this computer; look-alikes and tricks are not. */
    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://localhost,db.school.example/tutti",
        "jdbc:postgresql://127.0.0.1:5432,[::1],192.0.2.7/tutti",
        "jdbc:postgresql://localhost.school.example/tutti",
        "jdbc:postgresql://127.0.0.1.nip.example/tutti",
        "jdbc:postgresql://127.0.0.256/tutti",
        "jdbc:postgresql://127.1/tutti",
        "jdbc:postgresql://0.0.0.0/tutti",
        "jdbc:postgresql://[::2]/tutti",
        "jdbc:postgresql://localhost/tutti?host=db.school.example",
        "jdbc:postgresql://localhost/tutti?PGHOST=db.school.example",
        "jdbc:postgresql:tutti?service=school",
        "jdbc:postgresql://localhost/tutti?socketFactory=org.example.TunnelSocketFactory",
        "jdbc:postgresql://localhost"})
    void aServerIsOnThisComputerOnlyWhenEveryHostIsAndNothingElseDecides(String url) throws IOException {
        writeUrl(url, null);

        assertThatThrownBy(() -> loader().load()).isInstanceOf(UnverifiedTlsException.class);
    }

    @Test
    void itCanAllowAnUnverifiedConnectionExplicitlyAndTheConnectionSaysSo() throws IOException {
        writeUrl("jdbc:postgresql://db.school.example:5432/tutti?sslmode=require", true);

        ClientConfig config = loader().load().orElseThrow();

        assertThat(config.database().allowUnverifiedTls()).isTrue();
        assertThat(config.database().unverifiedServer()).contains("db.school.example");
        assertThat(config.database().toString()).contains("allowUnverifiedTls").doesNotContain("s3cret");

        writeUrl("jdbc:postgresql://db.school.example/tutti?sslmode=verify-full", true);
        assertThat(loader().load().orElseThrow().database().unverifiedServer())
                .as("nothing to warn about when the URL verifies anyway").isEmpty();

        writeUrl("jdbc:postgresql://db.school.example/tutti?sslmode=require", false);
        assertThatThrownBy(() -> loader().load()).isInstanceOf(UnverifiedTlsException.class);
    }

    @Test
    void anUnreadableFileIsABadConfiguration() throws IOException {
        Files.createDirectory(user.resolve(ClientConfigLoader.FILE_NAME));

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theSystemFolderDependsOnTheOperatingSystem() {
        assertThat(ClientConfigLoader.systemFolder("Linux", Map.of())).contains(Path.of("/etc/tutti"));
        assertThat(ClientConfigLoader.systemFolder("Mac OS X", Map.of()))
                .contains(Path.of("/Library/Application Support/Tutti"));
        assertThat(ClientConfigLoader.systemFolder("Windows 11", Map.of("PROGRAMDATA", "C:\\ProgramData")))
                .contains(Path.of("C:\\ProgramData", "Tutti"));
    }

    /** Issue 17: the user's file overrides the system-wide one, which overrides the one IT baked into the package. */
    @Test
    void theUsersFileWinsOverTheSystemWideOneWhichWinsOverTheInstallations() throws IOException {
        write(installation, "{\"database\": {\"url\": \"jdbc:postgresql://baked/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");
        write(system, "{\"database\": {\"url\": \"jdbc:postgresql://system/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");
        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://mine/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");
        assertThat(loader().load().orElseThrow().source()).isEqualTo(user.resolve("tutti.json"));

        Files.delete(user.resolve("tutti.json"));
        assertThat(loader().load().orElseThrow().source()).isEqualTo(system.resolve("tutti.json"));

        Files.delete(system.resolve("tutti.json"));
        ClientConfig baked = loader().load().orElseThrow();
        assertThat(baked.source()).isEqualTo(installation.resolve("tutti.json"));
        assertThat(baked.database().url()).isEqualTo("jdbc:postgresql://baked/tutti?sslmode=verify-full");
    }

    @Test
    void theStandardSearchIsTheDataFolderThenTheSystemFolderThenTheInstallationFolder() {
        List<Path> folders = ClientConfigLoader.standard(user).folders();

        assertThat(folders).first().isEqualTo(user);
        assertThat(folders).element(1).isEqualTo(
                ClientConfigLoader.systemFolder(System.getProperty("os.name"), System.getenv()).orElseThrow());
        assertThat(folders).last().isEqualTo(ClientConfigLoader.installationFolder().orElseThrow());
        assertThat(folders).hasSize(3);
    }

    /** A packaged edition built with IT's file never falls back to the demo: it says which files it looked for. */
    @Test
    void whenAFileIsRequiredFindingNoneIsABadConfigurationListingThePathsSearched() {
        assertThatThrownBy(() -> new ClientConfigLoader(List.of(user, system, installation), true).load())
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION);
                    assertThat(e.problem()).isEqualTo(ConfigurationFileException.Problem.NOT_FOUND);
                    assertThat(e.file()).isEmpty();
                    assertThat(e.details()).containsExactly(user.resolve("tutti.json").toString(),
                            system.resolve("tutti.json").toString(), installation.resolve("tutti.json").toString());
                })
                .hasMessageContaining(user.resolve("tutti.json").toString())
                .hasMessageContaining(installation.resolve("tutti.json").toString());
    }

    @Test
    void theStandardSearchRequiresAFileWhenTheLauncherSaysSo() {
        assertThat(ClientConfigLoader.standard(user).required()).as("java -jar: the demo").isFalse();
        String before = System.getProperty(ClientConfigLoader.REQUIRED_PROPERTY);
        System.setProperty(ClientConfigLoader.REQUIRED_PROPERTY, "true");
        try {
            assertThat(ClientConfigLoader.standard(user).required()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(ClientConfigLoader.REQUIRED_PROPERTY);
            } else {
                System.setProperty(ClientConfigLoader.REQUIRED_PROPERTY, before);
            }
        }
    }

    @Test
    void eachProblemIsNamedForTheLoginWindowWithWhatItIsAbout() throws IOException {
        write(user, "{\n  \"mode\": \"family\",\n  \"database\": {\"url\" \"x\"}\n}");
        assertProblem(ConfigurationFileException.Problem.NOT_JSON, "3", "22");

        write(user, "{\"mode\": \"family\"}");
        assertProblem(ConfigurationFileException.Problem.MISSING_SECTION, "database");

        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\"}}");
        assertProblem(ConfigurationFileException.Problem.MISSING_SETTING, "database.user");

        write(user, "{\"mode\": \"admin\", \"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_family\"}}");
        assertProblem(ConfigurationFileException.Problem.BAD_MODE, "admin");

        write(user, "{\"database\": {\"url\": \"jdbc:mysql://db/tutti?password=s3cret\", \"user\": \"tutti_family\"}}");
        assertProblem(ConfigurationFileException.Problem.NOT_POSTGRES_URL, "database.url");
        assertThatThrownBy(() -> loader().load()).hasMessageNotContaining("s3cret");

        Files.delete(user.resolve("tutti.json"));
        Files.createDirectory(user.resolve("tutti.json"));
        assertProblem(ConfigurationFileException.Problem.UNREADABLE);
    }

    private void assertProblem(ConfigurationFileException.Problem problem, String... details) {
        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.file()).contains(user.resolve("tutti.json"));
                    assertThat(e.details()).containsExactly(details);
                });
    }

    // issue 17 — config: the school's CA certificate travels beside tutti.json

    /** A family client's file verifying the server with {@code url}. */
    private void writeVerifying(Path folder, String url) throws IOException {
        write(folder, "{\"database\": {\"url\": \"" + url + "\", \"user\": \"tutti_family\", \"password\": \"x\"}}");
    }

    /** What pgjdbc reads from the URL the client hands it: the certificate it will trust. */
    private static String driverRootCert(ClientConfig config) throws Exception {
        return org.postgresql.Driver.parseURL(config.database().url(), null).getProperty("sslrootcert");
    }

    @Test
    void aRelativeCaCertificateIsReadFromTheFolderOfTheFile() throws Exception {
        Path folder = Files.createDirectories(installation.resolve("app folder é"));
        Files.writeString(folder.resolve("school-ca.crt"), "certificate");
        writeVerifying(folder, "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full&sslrootcert=school-ca.crt"
                + "&connectTimeout=5");

        ClientConfig config = new ClientConfigLoader(List.of(user, folder)).load().orElseThrow();

        assertThat(driverRootCert(config)).isEqualTo(folder.resolve("school-ca.crt").toString());
        assertThat(org.postgresql.Driver.parseURL(config.database().url(), null).getProperty("connectTimeout"))
                .isEqualTo("5");
        assertThat(config.database().unverifiedServer()).isEmpty();
    }

    @Test
    void aRootCrtBesideTheFileIsUsedWhenTheUrlVerifiesTheServerWithoutNamingOne() throws Exception {
        Files.writeString(system.resolve("root.crt"), "certificate");
        writeVerifying(system, "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full");

        assertThat(driverRootCert(loader().load().orElseThrow())).isEqualTo(system.resolve("root.crt").toString());

        writeVerifying(system, "jdbc:postgresql://db.school.example/tutti?ssl=true&sslmode=verify-ca");
        assertThat(driverRootCert(loader().load().orElseThrow())).isEqualTo(system.resolve("root.crt").toString());
    }

    @Test
    void withoutACertificateBesideTheFileTheUrlStaysAsWritten() throws Exception {
        String url = "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full";
        writeVerifying(system, url);
        assertThat(loader().load().orElseThrow().database().url()).as("pgjdbc's ~/.postgresql/root.crt").isEqualTo(url);

        Files.writeString(system.resolve("root.crt"), "certificate");
        writeVerifying(system, "jdbc:postgresql://localhost/tutti");
        assertThat(loader().load().orElseThrow().database().url()).as("a URL that verifies nothing")
                .isEqualTo("jdbc:postgresql://localhost/tutti");

        Path absolute = Files.writeString(installation.resolve("ca.pem"), "certificate");
        writeVerifying(system, "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full&sslrootcert=" + absolute);
        assertThat(driverRootCert(loader().load().orElseThrow())).as("a certificate named by its absolute path")
                .isEqualTo(absolute.toString());
    }

    @Test
    void aCaCertificateThatDoesNotExistIsABadConfigurationWithItsPath() throws IOException {
        writeVerifying(system, "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full&sslrootcert=certs/school.crt");

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ConfigurationFileException.Problem.CA_CERTIFICATE_MISSING);
                    assertThat(e.file()).contains(system.resolve("tutti.json"));
                    assertThat(e.details()).containsExactly(system.resolve("certs/school.crt").toString(), "database.url");
                })
                .hasMessageContaining("not found at " + system.resolve("certs/school.crt"));

        writeVerifying(system, "jdbc:postgresql://db.school.example/tutti?sslmode=verify-full&sslrootcert=a%00b");
        assertThatThrownBy(() -> loader().load()).as("not even a path")
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problem())
                        .isEqualTo(ConfigurationFileException.Problem.CA_CERTIFICATE_MISSING));
    }

    // issue 12 — faults: the timeouts of every connection

    @Test
    void timeoutsDefaultToTenSecondsForConnectingAndAMinuteForAnAnswer() throws IOException {
        write(user, """
                {"database": {"url": "jdbc:postgresql://localhost/tutti", "user": "tutti_family", "password": "x"}}
                """);

        assertThat(loader().load().orElseThrow().database().timeouts())
                .isEqualTo(new ClientConfig.Timeouts(10, 10, 60));
    }

    @Test
    void timeoutsAreReadFromTheDatabaseSection() throws IOException {
        write(user, """
                {"database": {"url": "jdbc:postgresql://localhost/tutti", "user": "tutti_family", "password": "x",
                              "connectTimeoutSeconds": 3, "loginTimeoutSeconds": 5, "socketTimeoutSeconds": 120}}
                """);

        assertThat(loader().load().orElseThrow().database().timeouts())
                .isEqualTo(new ClientConfig.Timeouts(3, 5, 120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "3601", "\"dix\"", "2.5"})
    void aTimeoutOutOfRangeOrNotAWholeNumberIsRefusedNamingTheSetting(String value) throws IOException {
        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://localhost/tutti\", \"user\": \"tutti_family\","
                + " \"password\": \"x\", \"loginTimeoutSeconds\": " + value + "}}");

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION);
                    assertThat(e.file()).isEqualTo(user.resolve("tutti.json"));
                    assertThat(e.setting()).isEqualTo("database.loginTimeoutSeconds");
                    assertThat(e.min()).isEqualTo(1);
                    assertThat(e.max()).isEqualTo(3600);
                });
    }
}
