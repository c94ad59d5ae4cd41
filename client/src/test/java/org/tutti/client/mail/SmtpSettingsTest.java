package org.tutti.client.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tutti.client.config.ClientConfig;

/** How tutti.json's "smtp" becomes Jakarta Mail properties. */
class SmtpSettingsTest {

    private static SmtpSettings settings(String security, Integer port, String username) {
        return RelayMain.smtp(new ClientConfig.Smtp("smtp.example", port, security, username, "pw",
                "a@example.org", "École", 12));
    }

    @Test
    void starttlsIsTheDefaultAndIsRequiredOnPort587() {
        SmtpSettings smtp = settings(null, null, "relay");
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(12));
        Properties p = SmtpTransport.properties(smtp);
        assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("12000");
        assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("12000");
        assertThat(smtp.toString()).doesNotContain("pw");
    }

    @Test
    void tlsIsSmtpsOnPort465AndNoneIsPlainWithoutCredentials() {
        SmtpSettings tls = settings("tls", null, null);
        assertThat(tls.port()).isEqualTo(465);
        assertThat(SmtpTransport.properties(tls).getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(SmtpTransport.properties(tls).getProperty("mail.smtp.auth")).isEqualTo("false");

        SmtpSettings none = settings("NONE", 2525, " ");
        assertThat(none.port()).isEqualTo(2525);
        assertThat(none.authenticated()).isFalse();
        Properties p = SmtpTransport.properties(none);
        assertThat(p.getProperty("mail.smtp.ssl.enable")).isNull();
        assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("false");
    }
}
