package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts reports to a running application over real HTTP, the way a client of {@code POST /api/reports} does. */
final class ReportClient {

    /** A real browser capture from the shared corpus: one failing request (404) carrying two request IDs. */
    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    /** The request IDs of {@link #HAR}: Cloudflare's ray and the Supabase/PostgREST request ID. */
    static final String CF_RAY = "9ba36dc0cdf1f756-ISU";
    static final String REQUEST_ID = "019b9869-d481-7819-a1b6-fea08d7e5ad5";

    static final String ANSWERS = """
            {"product": "CHATGPT_WEB", "seenMessage": "Something went wrong", "seenStatus": 404,
             "occurredAt": "2026-01-07T13:23:59", "timeZone": "Europe/Istanbul", "reporterEmail": "pat@example.com",
             "statusPage": "NO_INCIDENT", "checks": {"privateWindow": "STILL_FAILS", "otherNetwork": "WORKS"}}
            """;

    /** The parts of the answer the tests look at. */
    record Created(String reference, String summary, JsonNode body) {
    }

    private final RestClient http;

    ReportClient(int port) {
        this.http = RestClient.create("http://localhost:" + port);
    }

    /** Posts {@link #ANSWERS} with the corpus HAR {@link #HAR} attached as {@code capture.har}. */
    Created postReportWithCorpusHar() {
        return post(ANSWERS, Corpus.har(HAR));
    }

    Created post(String answers, Path har) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("report", part("report", null, MediaType.APPLICATION_JSON, answers));
        if (har != null) {
            parts.add("har", part("har", "capture.har", MediaType.APPLICATION_JSON, new FileSystemResource(har)));
        }
        ResponseEntity<String> response = http.post().uri("/api/reports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = JsonMapper.builder().build().readTree(response.getBody());
        return new Created(body.path("reference").asString(), body.path("summary").asString(), body);
    }

    private static HttpEntity<Object> part(String name, String fileName, MediaType type, Object content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        ContentDisposition.Builder disposition = ContentDisposition.formData().name(name);
        headers.setContentDisposition(fileName == null ? disposition.build() : disposition.filename(fileName).build());
        return new HttpEntity<>(content, headers);
    }
}
