package dev.triagedesk.report.web;

/**
 * Which button sent a step's form: Continue ({@code next}), Back ({@code back}), a step of the progress list
 * (its slug), or another action of the step such as adding files ({@code stay}).
 *
 * <p>Going forward needs the step to be valid. Going back (or to an earlier step) saves whatever is valid and
 * goes, so nothing typed is lost and nothing blocks the way back.
 */
record Navigation(String value) {

    static final String NEXT = "next";
    static final String BACK = "back";
    static final String STAY = "stay";

    static Navigation of(String value) {
        return new Navigation(value == null || value.isBlank() ? NEXT : value);
    }

    /** Where this button goes from {@code current}. */
    Step target(Step current) {
        return switch (value) {
            case NEXT -> current.next();
            case BACK -> current.previous();
            case STAY -> current;
            default -> Step.bySlug(value).orElse(current);
        };
    }

    /** Whether leaving {@code current} this way needs its answers to be valid. */
    boolean needsValidStep(Step current) {
        return target(current).number() >= current.number();
    }
}
