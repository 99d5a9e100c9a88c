package dev.triagedesk.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of Triage Desk ({@code triage.*}).
 *
 * @param dataDir where the embedded database, sanitized evidence and the redaction key live
 * @param upload limits on uploaded evidence
 * @param findingsPerFile failing requests and console errors kept per file (counts stay exact beyond it)
 * @param redactionKey key of the fingerprints in redaction markers; when empty, a key file in the data folder
 */
@ConfigurationProperties("triage")
public record TriageProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Upload upload,
                               @DefaultValue("2000") int findingsPerFile, @DefaultValue("") String redactionKey) {

    /**
     * @param maxFileSize largest attachment accepted; larger ones are listed as rejected, the report is kept
     * @param maxFilesPerReport most attachments on one ticket
     * @param maxPastedText most console output taken as text (the form's box, the API's {@code consoleText}), in
     *                      UTF-8; more is refused next to the field, the rest of the form kept. It must stay below
     *                      {@code server.tomcat.max-http-form-post-size}, which caps the text fields of a request
     */
    public record Upload(@DefaultValue("512MB") DataSize maxFileSize, @DefaultValue("50") int maxFilesPerReport,
                         @DefaultValue("5MB") DataSize maxPastedText) {
    }
}
