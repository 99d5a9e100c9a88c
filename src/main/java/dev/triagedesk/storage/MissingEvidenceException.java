package dev.triagedesk.storage;

import java.io.FileNotFoundException;

/**
 * A location a row names that the evidence store does not hold (deleted by hand, a store shared by some instances
 * only, a bucket emptied by a lifecycle rule). An error to show and log, never a file to skip in silence.
 */
public class MissingEvidenceException extends FileNotFoundException {

    private final String location;

    public MissingEvidenceException(String location) {
        super("the evidence store holds no file " + location);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
