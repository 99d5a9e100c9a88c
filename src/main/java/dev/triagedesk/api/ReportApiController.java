package dev.triagedesk.api;

import dev.triagedesk.report.IdempotencyKeys;
import dev.triagedesk.report.PastedTextLimit;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.report.ReportLinks;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/reports}: a {@code report} part (JSON, the same fields as the form) and any number of
 * {@code har}, {@code console}, {@code apiLog}, {@code batch} and {@code screenshot} parts. {@code POST /api/reports/{token}/evidence} adds files,
 * pasted console output ({@code consoleText}) and the conversation URL to a report later, with the token of its
 * private link.
 *
 * <p>A report is made in one transaction ({@link ReportService#create}): a 201 means the whole ticket is stored, and
 * a crash before it leaves nothing. An {@code Idempotency-Key} header makes a retry of the same request return the
 * ticket the first one made (201 again, with {@code Idempotent-Replayed: true}); the same key with another request
 * is a 422, and while the first request with it still runs, a 409.
 */
@RestController
@Tag(name = "Reports", description = "Failure reports in, with their evidence; no sign-in (the reporter's token"
        + " authorises adding evidence)")
class ReportApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The multipart parts that carry files, with the kind each declares (the content decides what is read). */
    private static final Map<String, EvidenceKind> FILE_PARTS = fileParts();

    private static Map<String, EvidenceKind> fileParts() {
        Map<String, EvidenceKind> parts = new LinkedHashMap<>();
        parts.put("har", EvidenceKind.HAR);
        parts.put("console", EvidenceKind.CONSOLE);
        parts.put("apiLog", EvidenceKind.API_LOG);
        parts.put("batch", EvidenceKind.BATCH);
        parts.put("screenshot", EvidenceKind.SCREENSHOT);
        return Collections.unmodifiableMap(parts);
    }

    private final TicketService tickets;
    private final ReportService reports;
    private final Validator validator;
    private final PastedTextLimit pastedText;
    private final ReportLinks links;
    private final TemporaryFiles temporary;

    ReportApiController(TicketService tickets, ReportService reports, Validator validator, PastedTextLimit pastedText,
                        ReportLinks links, TemporaryFiles temporary) {
        this.tickets = tickets;
        this.reports = reports;
        this.validator = validator;
        this.pastedText = pastedText;
        this.links = links;
        this.temporary = temporary;
    }

    @Operation(summary = "Send a report", description = "The answers and any number of files; each file is analyzed"
            + " and sanitized before anything is stored. Answers with the reference, the support summary, the"
            + " reporter's private link (also in Location) and what became of each file.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ReportApiParts.NewReport.class),
                    encoding = @Encoding(name = "report", contentType = MediaType.APPLICATION_JSON_VALUE))))
    @ApiResponse(responseCode = "201", description = "The report is stored")
    @PostMapping(path = "/api/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportCreated> create(MultipartHttpServletRequest request) {
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
        if (idempotencyKey != null && !IdempotencyKeys.acceptable(idempotencyKey)) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError(IDEMPOTENCY_KEY, "must be "
                    + IdempotencyKeys.MIN_LENGTH + " to " + IdempotencyKeys.MAX_LENGTH
                    + " visible ASCII characters, such as a random UUID")));
        }
        String report = reportPart(request);
        ReportAnswers answers = parse(report);
        List<Upload> uploads = new ArrayList<>();
        try {
            for (Map.Entry<String, EvidenceKind> part : FILE_PARTS.entrySet()) {
                for (MultipartFile file : request.getMultiFileMap().getOrDefault(part.getKey(), List.of())) {
                    uploads.add(upload(file, part.getValue()));
                }
            }
            ReportService.Created created;
            try {
                created = reports.create(answers, uploads, idempotencyKey == null ? null
                        : IdempotencyKeys.of(idempotencyKey, report, uploads));
            } catch (IdempotencyKeys.KeyReusedException e) {
                throw new ApiProblem(422, "Idempotency-Key reused", e.getMessage()
                        + " Send a new key with a new report; send the same request again to get its ticket.");
            } catch (IdempotencyKeys.KeyInUseException e) {
                throw new ApiProblem(409, "Request in progress", e.getMessage()
                        + " Send it again in a moment to get its ticket.");
            } catch (CannotCreateTransactionException | ConcurrencyFailureException e) {
                // every database connection stayed busy (reports being analyzed), or the report lost its locks to
                // other transactions on every attempt: it was rolled back, nothing was stored
                throw new ApiProblem(503, "Busy", "The service is busy and stored nothing of this report; send it"
                        + " again in a moment (with the same Idempotency-Key, if you gave one).");
            }
            Ticket ticket = created.ticket();
            ReportService.Review review = created.review();
            LoggedRequest.about(request, ticket);
            String reporterUrl = links.reporterUrl(created.token());
            ReportCreated body = new ReportCreated(ticket.getReference(), review.summary().text(), reporterUrl,
                    ReportCreated.VerdictBody.of(review.verdict()), outcomes(created.evidence()));
            ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create(reporterUrl));
            if (created.replayed()) {
                answer.header(REPLAYED, "true");
            }
            return answer.body(body);
        } finally {
            uploads.forEach(u -> deleteQuietly(u.file()));
        }
    }

    /** A part moved to the application's temporary folder (the caller deletes it). */
    private Upload upload(MultipartFile file, EvidenceKind declared) {
        Path tmp = temporary.receive(file, "triage-upload");
        try {
            return new Upload(tmp, nameOf(file, declared), Files.size(tmp), declared);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(e);
        }
    }

    private static String nameOf(MultipartFile file, EvidenceKind declared) {
        return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? declared.name().toLowerCase(Locale.ROOT) : file.getOriginalFilename();
    }

    @Operation(summary = "Add evidence to a report", description = "As on the reporter page: files, console output"
            + " as text, or the conversation URL. Answers with the report's new summary and what became of each file.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ReportApiParts.MoreEvidence.class))))
    @ApiResponse(responseCode = "200", description = "The evidence is added")
    @ApiResponse(responseCode = "404", description = "No report has this token")
    @PostMapping(path = "/api/reports/{token}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportCreated> addEvidence(
            @Parameter(description = "The token of the reporter's private link (/r/{token})") @PathVariable String token, MultipartHttpServletRequest request) {
        Ticket ticket = tickets.byToken(token).orElseThrow(() -> new ApiProblem(404, "No report",
                "There is no report with this link."));
        LoggedRequest.about(request, ticket);
        ReportApiEvidence fields = validated(ReportApiEvidence.of(request, pastedText));
        boolean files = FILE_PARTS.keySet().stream()
                .anyMatch(p -> !request.getMultiFileMap().getOrDefault(p, List.of()).isEmpty());
        if (!files && !fields.hasConsoleText() && fields.conversationUrl() == null) {
            throw new ApiProblem(400, "Nothing to add", "Send har, console, apiLog, batch or screenshot parts, console output as"
                    + " consoleText, or a conversationUrl.");
        }
        List<Evidence> rows;
        try {
            rows = attach(ticket.getId(), request);
            if (fields.hasConsoleText()) {
                rows.add(reports.addPastedConsole(ticket.getId(), fields.consoleText()));
            }
            if (fields.conversationUrl() != null) {
                reports.setConversationUrl(ticket.getId(), fields.conversationUrlToStore());
            }
        } catch (CannotCreateTransactionException | ConcurrencyFailureException e) {
            // each file is stored in a transaction of its own: those before this one are kept
            throw new ApiProblem(503, "Busy", "The service is busy and stopped part-way: files this request added"
                    + " before it stopped are kept (the report lists them); send the rest again in a moment.");
        }
        ReportService.Review review = reports.review(ticket.getId());
        return ResponseEntity.ok(new ReportCreated(review.details().ticket().getReference(), review.summary().text(),
                null, ReportCreated.VerdictBody.of(review.verdict()), outcomes(rows)));
    }

    /**
     * Anything but multipart/form-data: a problem detail saying what to send, not the framework's bare 415 (the
     * OpenAPI description has it as the 415 answer of the operations above).
     */
    @Hidden
    @PostMapping(path = {"/api/reports", "/api/reports/{token}/evidence"})
    ResponseEntity<ProblemDetail> notMultipart(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a multipart request",
                        request.getRequestURI().endsWith("/evidence")
                                ? "Send multipart/form-data: har, console, apiLog, batch and screenshot parts, consoleText or conversationUrl."
                                : "Send multipart/form-data: a \"report\" part (JSON) and any number of har, console and"
                                        + " screenshot parts."));
    }

    /** Other methods: a problem detail and the method that works (described as the operations' 405 answer). */
    @Hidden
    @RequestMapping(path = {"/api/reports", "/api/reports/{token}/evidence"},
            method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<ProblemDetail> onlyPost(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                        "Reports are sent with POST, as multipart/form-data."));
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    private List<Evidence> attach(long ticketId, MultipartHttpServletRequest request) {
        List<Evidence> rows = new ArrayList<>();
        for (Map.Entry<String, EvidenceKind> part : FILE_PARTS.entrySet()) {
            for (MultipartFile file : request.getMultiFileMap().getOrDefault(part.getKey(), List.of())) {
                rows.addAll(take(ticketId, file, part.getValue()));
            }
        }
        return rows;
    }

    private List<Evidence> take(long ticketId, MultipartFile file, EvidenceKind declared) {
        Path tmp = null;
        try {
            tmp = temporary.receive(file, "triage-upload");
            return reports.addUpload(ticketId, new Upload(tmp, nameOf(file, declared), Files.size(tmp), declared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static List<ReportCreated.EvidenceOutcome> outcomes(List<Evidence> rows) {
        return rows.stream().map(e -> new ReportCreated.EvidenceOutcome(e.getFileName(), e.getKind().name().toLowerCase(Locale.ROOT),
                e.isAnalyzed() ? "analyzed" : "rejected", e.getOutcomeReason(), e.isAnalyzedInPart(),
                e.getFailureCount() + e.getStreamErrorCount(), e.getSecretsRemoved())).toList();
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

    /** The text fields of an evidence request, or a 400 naming each one at fault (nothing is taken then). */
    private ReportApiEvidence validated(ReportApiEvidence fields) {
        List<ApiProblem.FieldError> errors = new ArrayList<>(fields.unread());
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        for (ConstraintViolation<ReportApiEvidence> v : validator.validate(fields)) {
            String field = v.getPropertyPath().toString();
            if (named.add(field)) {
                errors.add(new ApiProblem.FieldError(field, v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors.stream().sorted(Comparator.comparing(ApiProblem.FieldError::field)).toList());
        }
        return fields;
    }

    /**
     * The answers of the report part; every problem with them (of type, unknown fields, validation) is answered at
     * once, each naming its field. A field whose value was of the wrong type is not also reported as missing.
     */
    private ReportAnswers parse(String json) {
        ReportApiJson.Read read = ReportApiJson.read(json);
        List<ApiProblem.FieldError> errors = new ArrayList<>(read.errors());
        if (read.answers() != null) {
            Set<String> named = new HashSet<>();
            errors.forEach(e -> named.add(e.field()));
            for (ConstraintViolation<ReportAnswers> v : validator.validate(read.answers())) {
                String field = "report." + v.getPropertyPath();
                if (named.add(field)) {
                    errors.add(new ApiProblem.FieldError(field, v.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors.stream().sorted(Comparator.comparing(ApiProblem.FieldError::field)).toList());
        }
        return read.answers();
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
