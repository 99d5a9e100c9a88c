package dev.triagedesk.export;

/** An export that still held a secret shape: it is not sent. A gap in redaction, never expected. */
public class ExportRefusedException extends RuntimeException {

    public ExportRefusedException(String message) {
        super(message);
    }
}
