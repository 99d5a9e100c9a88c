package dev.triagedesk.notification;

/** A message's subject and its two parts: plain text, and the same as HTML. */
record MailContent(String subject, String text, String html) {
}
