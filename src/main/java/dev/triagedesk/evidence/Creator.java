package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The tool that wrote a HAR ({@code log.creator} or {@code log.browser}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Creator(String name, String version) {
}
