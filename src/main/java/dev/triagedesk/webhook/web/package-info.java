/** The administrators' webhooks page: endpoints, their events, the secret shown once, and recent deliveries. */
package dev.triagedesk.webhook.web;
