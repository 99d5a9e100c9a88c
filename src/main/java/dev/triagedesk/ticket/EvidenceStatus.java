package dev.triagedesk.ticket;

/** Whether an attachment could be read; a rejected one keeps its reason, and the report goes on without it. */
public enum EvidenceStatus {
    ANALYZED,
    REJECTED
}
