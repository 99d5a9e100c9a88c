package dev.triagedesk.api;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/reports}: a {@code report} part (JSON, the same fields as the form) and any number of
 * {@code har}, {@code console} and {@code screenshot} parts. {@code POST /api/reports/{token}/evidence} adds files
 * to a report later, with the token of its private link.
 */
@RestController
class ReportApiController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final List<String> FILE_PARTS = List.of("har", "console", "screenshot");

    private final TicketService tickets;
    private final ReportService reports;
    private final Validator validator;

    ReportApiController(TicketService tickets, ReportService reports, Validator validator) {
        this.tickets = tickets;
        this.reports = reports;
        this.validator = validator;
    }

    @PostMapping(path = "/api/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportCreated> create(MultipartHttpServletRequest request) {
        ReportAnswers answers = parse(reportPart(request));
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, answers);
        List<Evidence> rows = attach(id, request);
        ReportService.Review review = reports.submit(id);
        Ticket ticket = review.details().ticket();
        String reporterUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/r/{token}")
                .buildAndExpand(draft.token()).toUriString();
        ReportCreated body = new ReportCreated(ticket.getReference(), review.summary().text(), reporterUrl,
                review.verdict(), outcomes(rows));
        return ResponseEntity.created(URI.create(reporterUrl)).body(body);
    }

    @PostMapping(path = "/api/reports/{token}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportCreated> addEvidence(@PathVariable String token, MultipartHttpServletRequest request) {
        Ticket ticket = tickets.byToken(token).orElseThrow(() -> new ApiProblem(404, "No report",
                "There is no report with this link."));
        List<Evidence> rows = attach(ticket.getId(), request);
        if (rows.isEmpty()) {
            throw new ApiProblem(400, "No files", "Send har, console or screenshot parts.");
        }
        ReportService.Review review = reports.review(ticket.getId());
        return ResponseEntity.ok(new ReportCreated(review.details().ticket().getReference(), review.summary().text(),
                null, review.verdict(), outcomes(rows)));
    }

    private List<Evidence> attach(long ticketId, MultipartHttpServletRequest request) {
        List<Evidence> rows = new ArrayList<>();
        for (String part : FILE_PARTS) {
            for (MultipartFile file : request.getMultiFileMap().getOrDefault(part, List.of())) {
                rows.addAll(take(ticketId, file, EvidenceKind.valueOf(part.toUpperCase(Locale.ROOT))));
            }
        }
        return rows;
    }

    private List<Evidence> take(long ticketId, MultipartFile file, EvidenceKind declared) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("triage-upload", ".part");
            file.transferTo(tmp);
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? declared.name().toLowerCase(Locale.ROOT) : file.getOriginalFilename();
            return reports.addUpload(ticketId, new Upload(tmp, name, Files.size(tmp), declared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static List<ReportCreated.EvidenceOutcome> outcomes(List<Evidence> rows) {
        return rows.stream().map(e -> new ReportCreated.EvidenceOutcome(e.getFileName(), e.getKind().name().toLowerCase(Locale.ROOT),
                e.isAnalyzed() ? "analyzed" : "rejected", e.getReason(), e.getFailureCount() + e.getStreamErrorCount(),
                e.getSecretsRemoved())).toList();
    }

    private static String reportPart(MultipartHttpServletRequest request) {
        String field = request.getParameter("report");
        if (field != null) {
            return field;
        }
        MultipartFile file = request.getFile("report");
        if (file == null) {
            throw ApiProblem.invalid("report", "the report part is missing: send the answers as JSON in a part named"
                    + " \"report\"");
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportAnswers parse(String json) {
        ReportAnswers answers;
        try {
            answers = JSON.readValue(json, ReportAnswers.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalid("report." + path(e), "unknown field \"" + e.getPropertyName() + "\"");
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String field = path(e);
            throw ApiProblem.invalid(field.isEmpty() ? "report" : "report." + field,
                    "not valid" + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (answers == null) {
            throw ApiProblem.invalid("report", "the report part is empty");
        }
        Set<ConstraintViolation<ReportAnswers>> violations = validator.validate(answers);
        if (!violations.isEmpty()) {
            List<ApiProblem.FieldError> errors = violations.stream()
                    .map(v -> new ApiProblem.FieldError("report." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(ApiProblem.FieldError::field)).toList();
            throw ApiProblem.invalid(errors);
        }
        return answers;
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
