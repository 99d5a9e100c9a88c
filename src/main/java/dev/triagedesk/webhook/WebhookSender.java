package dev.triagedesk.webhook;

import dev.triagedesk.notification.OutboxChannelSender;
import dev.triagedesk.notification.OutboxMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Delivers a webhook row of the outbox: POSTs its JSON body, signed as the Standard Webhooks convention has it
 * ({@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} under the endpoint's secret, with
 * {@code webhook-id} the same for every retry of one delivery and {@code webhook-timestamp} in seconds). A 2xx
 * answer is delivered; anything else, or no answer, is retried by the outbox. Redirects are not followed.
 */
@Component
class WebhookSender implements OutboxChannelSender {

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(WebhookEndpointRepository endpoints, WebhookSecrets secrets, Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public OutboxMessage.Channel channel() {
        return OutboxMessage.Channel.WEBHOOK;
    }

    @Override
    public Integer deliver(Delivery delivery) throws DeliveryFailedException {
        WebhookEndpoint endpoint;
        try {
            endpoint = endpoints.findById(Long.parseLong(delivery.recipient())).orElse(null);
        } catch (NumberFormatException e) {
            endpoint = null;
        }
        if (endpoint == null || !endpoint.isEnabled()) {
            throw new DeliveryFailedException(null, "the endpoint was removed");
        }
        String id = "msg_" + delivery.id();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = sign(secrets.unseal(endpoint.getSealedSecret()), id + "." + timestamp + "." + delivery.body());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.getUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Triage-Desk-Webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new DeliveryFailedException(status, "HTTP " + status);
            }
            return status;
        } catch (IOException e) {
            throw new DeliveryFailedException(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException(null, "interrupted");
        }
    }

    /** Base64 HMAC-SHA256 of {@code content} under a {@code whsec_} secret (its Base64 part is the key). */
    static String sign(String secret, String content) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
