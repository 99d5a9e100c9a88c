package dev.triagedesk.evidence.input;

/** What a document turned out to be, judged from its content. */
public enum EvidenceFormat {
    /** HAR JSON. */
    HAR,
    /** A HAR inside a JSONP call such as {@code onInputData({...});} (Firebug NetExport's HARP files). */
    HAR_JSONP,
    /** A browser console log in one of the supported text formats. */
    CONSOLE,
    /** An API client's record of its calls: an SDK log (openai-python, openai-node), a traceback or a curl transcript. */
    API_LOG,
    /** A Batch API file: a job's output or error file (JSON Lines) or the Batch object (JSON). */
    BATCH
}
