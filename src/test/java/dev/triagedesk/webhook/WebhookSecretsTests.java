package dev.triagedesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.system.TriageProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the key that seals endpoint secrets comes from, with one instance and with several. */
class WebhookSecretsTests {

    @TempDir
    Path folders;

    @Test
    void instancesSharingADatabaseUnsealWhatAnyOfThemSealed() {
        RedactionKey shared = RedactionKey.of("the key every instance is given");
        WebhookSecrets a = secrets("a", shared, true);
        WebhookSecrets b = secrets("b", shared, true);
        String secret = a.newSecret();
        assertThat(b.unseal(a.seal(secret))).isEqualTo(secret);
        assertThat(folders.resolve("b").resolve(WebhookSecrets.KEY_FILE)).doesNotExist();
    }

    @Test
    void oneInstanceKeepsItsKeyFileInItsDataFolder() {
        WebhookSecrets a = secrets("a", RedactionKey.of("the key every instance is given"), false);
        String sealed = a.seal("whsec_one");
        assertThat(folders.resolve("a").resolve(WebhookSecrets.KEY_FILE)).exists();
        assertThat(secrets("a", RedactionKey.random(), false).unseal(sealed)).isEqualTo("whsec_one");
        // another data folder, another key: what one instance alone sealed stays its own
        assertThatThrownBy(() -> secrets("b", RedactionKey.random(), false).unseal(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    private WebhookSecrets secrets(String folder, RedactionKey key, boolean cluster) {
        TriageProperties properties = new TriageProperties(folders.resolve(folder),
                new TriageProperties.Upload(null, 50, null), 2000, "");
        return new WebhookSecrets(properties, key, new MockEnvironment().withProperty("triage.cluster",
                String.valueOf(cluster)));
    }
}
