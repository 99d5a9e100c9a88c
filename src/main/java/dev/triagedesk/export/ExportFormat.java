package dev.triagedesk.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The exports of one ticket, as the ticket page and the staff API download them ({@code .../export/{format}}):
 * the name in the address (the constant's, in lower case, or a short form), the media type and the file name,
 * in one place for both.
 */
public enum ExportFormat {
    MARKDOWN("md", new MediaType("text", "markdown", StandardCharsets.UTF_8), ".md"),
    TEXT("txt", new MediaType("text", "plain", StandardCharsets.UTF_8), ".txt"),
    JSON("json", MediaType.APPLICATION_JSON, ".json"),
    ZIP("zip", MediaType.parseMediaType("application/zip"), "-evidence.zip"),
    PDF("pdf", MediaType.APPLICATION_PDF, ".pdf");

    private final String shortName;
    private final MediaType mediaType;
    private final String fileSuffix;

    ExportFormat(String shortName, MediaType mediaType, String fileSuffix) {
        this.shortName = shortName;
        this.mediaType = mediaType;
        this.fileSuffix = fileSuffix;
    }

    /** The format an address names, by its name or short form, in any case. */
    public static Optional<ExportFormat> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.addressName().equals(n) || f.shortName.equals(n)).findFirst();
    }

    /** The names, for a message about a format that is none of them. */
    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::addressName).collect(Collectors.joining(", "));
    }

    /** The name in the address: the constant's, in lower case. */
    private String addressName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The export of the ticket as a download named after its reference; {@code actor} is who asked, for the audit
     * log. Throws {@link ExportRefusedException} when the export still holds something shaped like a secret.
     */
    public ResponseEntity<?> download(TicketExporter exporter, TicketPdf pdf, String reference, String actor)
            throws IOException {
        String fileName = reference + fileSuffix;
        return switch (this) {
            case MARKDOWN -> file(exporter.markdown(reference, actor).getBytes(StandardCharsets.UTF_8), fileName);
            case TEXT -> file(exporter.text(reference, actor).getBytes(StandardCharsets.UTF_8), fileName);
            case JSON -> file(exporter.json(reference, actor).getBytes(StandardCharsets.UTF_8), fileName);
            case PDF -> file(pdf.pdf(reference, actor), fileName);
            case ZIP -> TemporaryDownload.of(exporter.bundle(reference, actor), mediaType, fileName);
        };
    }

    private ResponseEntity<byte[]> file(byte[] body, String fileName) {
        String disposition = ContentDisposition.attachment().filename(fileName).build().toString();
        return ResponseEntity.ok().contentType(mediaType).header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(body);
    }
}
