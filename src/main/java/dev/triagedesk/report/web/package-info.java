/**
 * The guided report form (server-rendered, five steps under {@code /report/{token}/...}) and the reporter's
 * private page ({@code /r/{token}}). Each step has a form record validated with Bean Validation; every POST saves
 * what it can into the draft and redirects, so going back or leaving never loses an answer.
 */
package dev.triagedesk.report.web;
