package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of a HAR ({@code log.pages[]}); the title is redacted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarPage(String id, String title, String startedAt) {
}
