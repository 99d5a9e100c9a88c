package dev.triagedesk.api;

import java.util.List;

/** An error the API answers with: becomes an RFC 9457 problem detail (see {@link ApiProblemHandler}). */
class ApiProblem extends RuntimeException {

    /** A field and what is wrong with it. */
    record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    private ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    static ApiProblem invalidRequest(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
        return new ApiProblem(400, "Invalid request", detail, errors);
    }

    static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
        return new ApiProblem(400, "Invalid report", detail, errors);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    List<FieldError> errors() {
        return errors;
    }
}
