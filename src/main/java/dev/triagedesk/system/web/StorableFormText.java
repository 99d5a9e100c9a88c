package dev.triagedesk.system.web;

import dev.triagedesk.system.StorableText;
import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text a page's form posts (form fields, pasted console output, request parameters) is bound through
 * {@link StorableText}: a NUL or a lone surrogate becomes U+FFFD before a controller sees it, as the API's JSON
 * does, so it can neither fail a save on PostgreSQL nor be stored, shown and sent on. Scoped to the pages whose
 * posts reach tickets (the report form, the reporter page and the help desk's notes and search); the staff pages
 * are left out, where a password must reach its hash exactly as the sign-in page, which no binder reads, sends it.
 */
@ControllerAdvice(basePackages = {"dev.triagedesk.report.web", "dev.triagedesk.desk.web"})
class StorableFormText {

    @InitBinder
    void storableText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Editor());
    }

    private static final class Editor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(StorableText.clean(text));
        }
    }
}
