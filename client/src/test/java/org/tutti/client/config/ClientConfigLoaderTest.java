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
import org.tutti.client.service.ServiceException;

class ClientConfigLoaderTest {

    @TempDir
    Path installation;
    @TempDir
    Path system;
    @TempDir
    Path user;

    private ClientConfigLoader loader() {
        return new ClientConfigLoader(List.of(installation, system, user));
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
                {"database": {"url": "jdbc:postgresql://db.school.example/tutti", "user": "tutti_staff",
                              "password": "s3cret", "poolSize": 3},
                 "smtp": {"host": "smtp.example"}}
                """);
        write(user, """
                {"database": {"url": "jdbc:postgresql://elsewhere/tutti", "user": "tutti_family", "password": "x"}}
                """);

        ClientConfig config = loader().load().orElseThrow();

        assertThat(config.source()).isEqualTo(system.resolve("tutti.json"));
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.school.example/tutti");
        assertThat(config.database().user()).isEqualTo("tutti_staff");
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void theModeIsFamilyUnlessTheFileSaysStaff() throws IOException {
        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://db/tutti\", \"user\": \"tutti_family\"}}");
        assertThat(loader().load().orElseThrow().mode()).isEqualTo(ClientConfig.Mode.FAMILY);

        write(user, "{\"mode\": \"staff\", \"database\": {\"url\": \"jdbc:postgresql://db/tutti\","
                + " \"user\": \"tutti_staff\"}}");
        ClientConfig staff = loader().load().orElseThrow();
        assertThat(staff.mode()).isEqualTo(ClientConfig.Mode.STAFF);
        assertThat(staff.mode().loginRole()).isEqualTo("tutti_staff");

        write(user, "{\"mode\": \" Family \", \"database\": {\"url\": \"jdbc:postgresql://db/tutti\","
                + " \"user\": \"tutti_family\"}}");
        assertThat(loader().load().orElseThrow().mode()).isEqualTo(ClientConfig.Mode.FAMILY);
    }

    @Test
    void anUnknownModeIsABadConfigurationNamingTheFileAndTheValue() throws IOException {
        write(user, "{\"mode\": \"admin\", \"database\": {\"url\": \"jdbc:postgresql://db/tutti\","
                + " \"user\": \"tutti_family\"}}");

        assertThatThrownBy(() -> loader().load())
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION))
                .hasMessageContaining(user.resolve("tutti.json").toString())
                .hasMessageContaining("\"mode\" must be \"family\" or \"staff\" (found \"admin\")");
    }

    @Test
    void passwordsInTheUrlStayOutOfLogsAndMessages() throws IOException {
        write(user, "{\"database\": {\"url\": \"jdbc:postgresql://db/tutti?user=x&password=s3cret\", \"user\": \"x\"}}");

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

    @Test
    void theStandardSearchEndsWithTheDataFolder() {
        assertThat(ClientConfigLoader.standard(user).folders()).last().isEqualTo(user);
    }
}
