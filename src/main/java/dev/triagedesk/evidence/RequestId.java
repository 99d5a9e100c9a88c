package dev.triagedesk.evidence;

/**
 * An identifier support can look up: a header such as {@code x-request-id} or {@code cf-ray}, or an ID quoted in an
 * error body ({@code name} is then {@code body:request-id}, {@code body:cf-ray} and so on).
 */
public record RequestId(String name, String value) {
}
