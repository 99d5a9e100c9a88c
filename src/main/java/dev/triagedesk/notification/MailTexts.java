package dev.triagedesk.notification;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of each mail, as plain text and as the same HTML. Only the reference, the reply an agent wrote, the
 * items asked for and links go in: never a summary, an attachment or anything the evidence holds.
 */
final class MailTexts {

    private MailTexts() {
    }

    /** A mail made of paragraphs (one may be a list), a link and a closing line. */
    static final class Builder {
        private final String subject;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">");

        Builder(String subject) {
            this.subject = subject;
        }

        Builder paragraph(String p) {
            text.append(p).append("\n\n");
            html.append("<p>").append(escape(p).replace("\n", "<br>")).append("</p>");
            return this;
        }

        Builder quote(String who, String body) {
            text.append(who).append(":\n");
            for (String line : body.split("\n", -1)) {
                text.append("> ").append(line).append('\n');
            }
            text.append('\n');
            html.append("<p>").append(escape(who)).append(":</p><blockquote style=\"white-space:pre-wrap;"
                    + "border-left:3px solid #b8bfc7;margin:0;padding-left:1em\">").append(escape(body))
                    .append("</blockquote>");
            return this;
        }

        Builder list(List<String> items) {
            html.append("<ul>");
            for (String item : items) {
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(escape(item)).append("</li>");
            }
            text.append('\n');
            html.append("</ul>");
            return this;
        }

        Builder link(String label, String url) {
            text.append(label).append(": ").append(url).append("\n\n");
            html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(label)).append("</a></p>");
            return this;
        }

        MailContent build() {
            text.append("-- \nTriage Desk");
            html.append("<p style=\"color:#4a525c\">Triage Desk</p></body></html>");
            return new MailContent(subject, text.toString(), html.toString());
        }

        private static String escape(String s) {
            return HtmlUtils.htmlEscape(s, "UTF-8");
        }
    }
}
