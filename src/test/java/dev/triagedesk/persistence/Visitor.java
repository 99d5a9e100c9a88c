package dev.triagedesk.persistence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jsoup.Jsoup;

/**
 * One browser as several instances behind a balancer see it: a cookie jar shared by every address it visits
 * (cookies ignore the port, so two instances on 127.0.0.1 get the same session cookie, as through one balancer),
 * redirects not followed, so each step can be sent to the instance the test chooses.
 */
final class Visitor {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the first form on the page at {@code url}, as a browser would send it back. */
    String csrf(String url) throws IOException, InterruptedException {
        HttpResponse<String> page = get(url);
        String token = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
        if (token.isEmpty()) {
            throw new IllegalStateException(url + " answered " + page.statusCode() + " without a form");
        }
        return token;
    }

    HttpResponse<String> postForm(String url, Map<String, String> fields) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form with text fields and one file part (none when {@code filePart} is null). */
    HttpResponse<String> postMultipart(String url, Map<String, String> fields, String filePart, String fileName,
                                       String fileText) throws IOException, InterruptedException {
        String boundary = "----visitor-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (filePart != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/json\r\n\r\n" + fileText + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<?> answer) {
        return URI.create(answer.headers().firstValue("location").orElseThrow(
                () -> new AssertionError("answered " + answer.statusCode() + ", not a redirect"))).getPath();
    }
}
