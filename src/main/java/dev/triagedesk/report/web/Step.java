package dev.triagedesk.report.web;

import java.util.Optional;

/** The steps of the guided form, in order, with the address segment of each. */
enum Step {
    WHAT(1, "what"),
    STATUS(2, "status"),
    CHECKS(3, "checks"),
    EVIDENCE(4, "evidence"),
    REVIEW(5, "review");

    private final int number;
    private final String slug;

    Step(int number, String slug) {
        this.number = number;
        this.slug = slug;
    }

    public int number() {
        return number;
    }

    public String slug() {
        return slug;
    }

    /** Message key of the step's title. */
    public String titleKey() {
        return "step." + slug + ".title";
    }

    public String path(String token) {
        return "/report/" + token + "/" + slug;
    }

    Step previous() {
        return this == WHAT ? WHAT : values()[ordinal() - 1];
    }

    Step next() {
        return this == REVIEW ? REVIEW : values()[ordinal() + 1];
    }

    static Optional<Step> bySlug(String slug) {
        for (Step s : values()) {
            if (s.slug.equals(slug)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
