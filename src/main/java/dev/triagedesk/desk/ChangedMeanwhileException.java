package dev.triagedesk.desk;

/**
 * A workflow change refused because the ticket is no longer what the change was based on: someone else changed it
 * in between. Nothing was applied.
 */
public class ChangedMeanwhileException extends RuntimeException {

    /** What differs from what the caller saw. */
    public enum What { STATUS, ASSIGNEE, TICKET }

    private final What what;
    private final String now;

    ChangedMeanwhileException(What what, String now) {
        super("the " + what.name().toLowerCase(java.util.Locale.ROOT) + " changed meanwhile; it is now "
                + (now == null ? "nobody" : now));
        this.what = what;
        this.now = now;
    }

    public What what() {
        return what;
    }

    /** What it is now: a status label, a user name (null: nobody), or the ticket's version. */
    public String now() {
        return now;
    }
}
