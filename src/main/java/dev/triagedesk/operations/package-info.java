/**
 * What an operator watches on every instance, beside Spring Boot's own metrics: reports submitted, the open queue
 * and the mail outbox's backlog ({@link dev.triagedesk.operations.DeskMetrics}), in Prometheus's format at
 * {@code /actuator/prometheus}. Evidence bytes and analysis time are recorded where the evidence is taken (the
 * ticket package's intake). Who may read them is the security package's {@code SecurityConfiguration}.
 */
package dev.triagedesk.operations;
