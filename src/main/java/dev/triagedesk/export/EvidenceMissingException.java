package dev.triagedesk.export;

/**
 * An export of a ticket whose evidence row names a file the evidence store does not hold: it is refused rather than
 * sent without the file (a smaller ZIP would look complete to whoever receives it).
 */
public class EvidenceMissingException extends ExportRefusedException {

    public EvidenceMissingException(String what) {
        super(what);
    }
}
