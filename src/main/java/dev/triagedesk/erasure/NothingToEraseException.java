package dev.triagedesk.erasure;

/** The ticket (a submitted one, by reference) or its attachment of that number does not exist (any more). */
public class NothingToEraseException extends RuntimeException {

    public NothingToEraseException(String message) {
        super(message);
    }
}
