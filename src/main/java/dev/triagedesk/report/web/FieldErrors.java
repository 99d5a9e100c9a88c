package dev.triagedesk.report.web;

import java.util.function.Consumer;
import org.springframework.validation.BindingResult;

/**
 * Saves the fields of a step that are valid and skips the others: how Back keeps everything that can be kept
 * while an answer on the page is still wrong.
 */
final class FieldErrors {

    private final BindingResult result;

    FieldErrors(BindingResult result) {
        this.result = result;
    }

    /** Applies {@code change} unless {@code field} has an error. */
    <T> void ifValid(String field, T value, Consumer<T> change) {
        if (!result.hasFieldErrors(field)) {
            change.accept(value);
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
