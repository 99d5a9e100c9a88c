package dev.triagedesk.evidence.input;

/** What a document turned out to be, judged from its content. */
public enum EvidenceFormat {
    /** HAR JSON. */
    HAR,
    /** A HAR inside a JSONP call such as {@code onInputData({...});} (Firebug NetExport's HARP files). */
    HAR_JSONP,
    /** A browser console log in one of the supported text formats. */
    CONSOLE
}
