/**
 * The JSON API: reports in ({@code POST /api/reports}, multipart), with errors as RFC 9457 problem details.
 */
package dev.triagedesk.api;
