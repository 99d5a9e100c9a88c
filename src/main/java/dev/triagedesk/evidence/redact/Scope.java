package dev.triagedesk.evidence.redact;

/** Where a name/value pair was found; some names are secrets in one place and plain data in another. */
public enum Scope {
    REQUEST_HEADER,
    RESPONSE_HEADER,
    QUERY,
    FORM,
    /** JSON the client sent: a {@code code} there is an OAuth or one-time code. */
    JSON_REQUEST,
    /** JSON the server sent: a {@code code} there is usually an error code support needs. */
    JSON_RESPONSE,
    /** {@code name=value} or {@code name: value} inside free text: only unmistakable names count. */
    TEXT
}
