/**
 * Secret redaction. Structure is walked (headers, cookies, query strings, form and JSON bodies) rather than the raw
 * text matched with word lists; free text is scanned for token shapes (JWT, {@code sk-...}, {@code Bearer ...}).
 * Each secret becomes a marker {@code [REDACTED:kind:fingerprint]} whose fingerprint is a keyed HMAC, so one token
 * can be followed across entries without being seen. {@link dev.triagedesk.evidence.redact.LeftoverScan} checks
 * the output once more and refuses it if a secret shape remains.
 *
 * <p>A named interface of the {@code evidence} module (other modules may use its public types): the ticket store
 * redacts free text, the exports run {@code LeftoverScan} before anything leaves, the engine's bean and the command
 * line take a {@code RedactionKey}, and the command line prints the {@code RedactionReport}.
 */
@NamedInterface("redact")
package dev.triagedesk.evidence.redact;

import org.springframework.modulith.NamedInterface;
