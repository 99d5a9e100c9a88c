package dev.triagedesk.report.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Answers that were not valid when the reporter left a step backwards (Back, or an earlier step of the progress
 * list). The valid answers are saved in the draft; these are kept for the browser session with their errors and
 * shown again in their fields, errors included, when the step is opened: going back loses nothing that was typed.
 * <p>
 * With sessions in the database (several instances) the session holds a serialized copy: every change is stored
 * again with {@code setAttribute}, as a map changed in place would be saved by no one, and what is kept is
 * {@link java.io.Serializable} ({@link FieldError} is, with the typed text as its rejected value).
 */
final class PendingInput {

    private static final String SESSION_KEY = PendingInput.class.getName();
    /** Drafts remembered per browser session; a session with more starts over. */
    private static final int MOST_STEPS = 20;
    /** A value this long is not kept (a huge paste): its error says to attach it as a file instead. */
    private static final int LONGEST_VALUE = 10_000;

    private PendingInput() {
    }

    /** Remembers the field errors of {@code result} for the step (or forgets the step's when there are none). */
    static void keep(HttpServletRequest request, long ticketId, Step step, BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError e : result.getFieldErrors()) {
            Object value = e.getRejectedValue();
            if (value == null || String.valueOf(value).length() <= LONGEST_VALUE) {
                errors.add(e);
            }
        }
        if (errors.isEmpty()) {
            clear(request, ticketId, step);
            return;
        }
        HttpSession session = request.getSession(true);
        Map<String, List<FieldError>> pending = pending(session);
        if (pending.size() >= MOST_STEPS) {
            pending.clear();
        }
        pending.put(key(ticketId, step), List.copyOf(errors));
        session.setAttribute(SESSION_KEY, pending);
    }

    static void clear(HttpServletRequest request, long ticketId, Step step) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) != null) {
            Map<String, List<FieldError>> pending = pending(session);
            if (pending.remove(key(ticketId, step)) != null) {
                session.setAttribute(SESSION_KEY, pending);
            }
        }
    }

    /** Puts the step's remembered answers and their errors over the form in {@code model}, if there are any. */
    static void restore(HttpServletRequest request, long ticketId, Step step, Model model, FormValidation validation) {
        HttpSession session = request.getSession(false);
        String errorsKey = BindingResult.MODEL_KEY_PREFIX + ReportFormController.FORM;
        Object form = model.getAttribute(ReportFormController.FORM);
        if (session == null || session.getAttribute(SESSION_KEY) == null || form == null
                || model.containsAttribute(errorsKey)) {
            return;
        }
        List<FieldError> errors = pending(session).get(key(ticketId, step));
        if (errors == null) {
            return;
        }
        // the form holds the saved answers; a field with an error shows what was typed (its rejected value)
        BindingResult result = validation.resultFor(form, ReportFormController.FORM);
        errors.forEach(result::addError);
        model.addAttribute(errorsKey, result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<FieldError>> pending(HttpSession session) {
        synchronized (session) {
            Object map = session.getAttribute(SESSION_KEY);
            if (map == null) {
                map = new ConcurrentHashMap<String, List<FieldError>>();
                session.setAttribute(SESSION_KEY, map);
            }
            return (Map<String, List<FieldError>>) map;
        }
    }

    private static String key(long ticketId, Step step) {
        return ticketId + "/" + step.slug();
    }
}
