package dev.triagedesk.evidence;

/**
 * Input the engine cannot read. The message is one line a person can act on; line and column are set for broken
 * JSON (1-based, 0 when unknown).
 */
public class EvidenceException extends RuntimeException {

    private final long line;
    private final long column;

    public EvidenceException(String message) {
        this(message, 0, 0, null);
    }

    public EvidenceException(String message, Throwable cause) {
        this(message, 0, 0, cause);
    }

    public EvidenceException(String message, long line, long column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
