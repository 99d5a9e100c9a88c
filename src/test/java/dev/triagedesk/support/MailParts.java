package dev.triagedesk.support;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The decoded text of a mail's part of one type (its text and HTML alternatives), as the mail tests read them. */
public final class MailParts {

    private MailParts() {
    }

    public static String part(MimeMessage message, String type) throws Exception {
        return find((Multipart) message.getContent(), type);
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var p = multipart.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                String found = find(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        return null;
    }
}
