package org.tutti.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakedConfigTest {

    private static final String URL = "jdbc:postgresql://db.school.example:5432/tutti?ssl=true&sslmode=verify-full";

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static String config(String mode, String user, String url) {
        return "{\"mode\": \"" + mode + "\", \"database\": {\"url\": \"" + url + "\", \"user\": \"" + user
                + "\", \"password\": \"secret\"}}";
    }

    @Test
    void noPropertyMeansNoBakedFile() {
        assertThat(BakedConfig.check("", Edition.FAMILY)).isEmpty();
        assertThat(BakedConfig.check(null, Edition.STAFF)).isEmpty();
    }

    @Test
    void aGoodFileIsBakedWithTheCertificateItNames() throws IOException {
        write("school-ca.crt", "-----BEGIN CERTIFICATE-----\n");
        Path file = write("family.json", config("family", "tutti_family", URL + "&sslrootcert=school-ca.crt"));

        BakedConfig baked = BakedConfig.check(file.toString(), Edition.FAMILY).orElseThrow();

        Path app = Files.createDirectory(folder.resolve("app"));
        baked.copyInto(app);
        assertThat(app.resolve("tutti.json")).hasSameTextualContentAs(file);
        assertThat(app.resolve("school-ca.crt")).exists();
    }

    @Test
    void aRootCrtBesideTheFileTravelsWhenTheUrlNamesNone() throws IOException {
        write("root.crt", "-----BEGIN CERTIFICATE-----\n");
        Path file = write("staff.json", config("staff", "tutti_staff", URL));

        BakedConfig baked = BakedConfig.check(file.toString(), Edition.STAFF).orElseThrow();

        assertThat(baked.companions()).containsExactly(folder.resolve("root.crt"));
    }

    @Test
    void aMissingFileStopsTheBuildNamingIt() {
        Path missing = folder.resolve("nowhere.json");
        assertThatThrownBy(() -> BakedConfig.check(missing.toString(), Edition.FAMILY))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("tutti.config.family=" + missing)
                .hasMessageContaining("does not exist");
    }

    @Test
    void brokenJsonIsNamedWithItsLine() throws IOException {
        Path file = write("broken.json", "{\n \"mode\": \"family\",\n \"database\": {\n}");
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.FAMILY))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON (line");
    }

    @Test
    void theStaffFileCannotBeBakedIntoTheFamilyEdition() throws IOException {
        Path file = write("staff.json", config("staff", "tutti_staff", URL));
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.FAMILY))
                .hasMessageContaining("tutti.config.family=" + file)
                .hasMessageContaining("\"mode\" is \"staff\", the family edition needs \"mode\": \"family\"");
    }

    @Test
    void aFileWithoutModeIsAFamilyFile() throws IOException {
        Path file = write("nomode.json", "{\"database\": {\"url\": \"" + URL + "\", \"user\": \"tutti_family\"}}");
        assertThat(BakedConfig.check(file.toString(), Edition.FAMILY)).isPresent();
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.STAFF))
                .hasMessageContaining("\"mode\" is \"family\", the staff edition needs \"mode\": \"staff\"");
    }

    @Test
    void theRoleMustBeTheEditions() throws IOException {
        Path file = write("role.json", config("staff", "tutti_family", URL));
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.STAFF))
                .hasMessageContaining("\"database.user\" is \"tutti_family\", the staff edition connects as \"tutti_staff\"");
    }

    @Test
    void aCertificateNamedButNotBesideTheFileStopsTheBuild() throws IOException {
        Path file = write("family.json", config("family", "tutti_family", URL + "&sslrootcert=school-ca.crt"));
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.FAMILY))
                .hasMessageContaining("sslrootcert=school-ca.crt, which is not beside it (" + folder.resolve("school-ca.crt") + ")");
    }

    @Test
    void aRemoteServerWithoutCertificateVerificationIsRefused() throws IOException {
        Path file = write("family.json", config("family", "tutti_family", "jdbc:postgresql://db.school.example/tutti?sslmode=require"));
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.FAMILY))
                .hasMessageContaining("sslmode=verify-full");
    }

    @Test
    void aLocalServerNeedsNoTls() throws IOException {
        Path file = write("family.json", config("family", "tutti_family", "jdbc:postgresql://localhost:5432/tutti"));
        assertThat(BakedConfig.check(file.toString(), Edition.FAMILY)).isPresent();
    }

    @Test
    void theRelayTakesNoBakedFile() throws IOException {
        Path file = write("relay.json", "{}");
        assertThatThrownBy(() -> BakedConfig.check(file.toString(), Edition.RELAY))
                .hasMessageContaining("/etc/tutti/tutti-relay.json");
    }
}
