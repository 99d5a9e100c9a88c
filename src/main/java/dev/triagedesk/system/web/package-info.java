/**
 * The pages around the features: the home page, the friendly error page, and what turns errors that happen before
 * a page controller runs (a request over the multipart size limit) into a message on the page the form was on,
 * and the multipart parsing in front of the controllers, which keeps a part Tomcat would refuse the whole request
 * for (a NUL in its file name) so that the attachment alone is rejected.
 * The JSON API keeps its own problem-detail handling ({@code dev.triagedesk.api}).
 */
package dev.triagedesk.system.web;
