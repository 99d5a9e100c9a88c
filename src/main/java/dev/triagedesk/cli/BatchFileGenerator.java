package dev.triagedesk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a Batch API output file (JSON Lines) of about a given size, the same bytes for the same seed, and knows
 * what it wrote: the benchmark and the tests read a generated file and compare what the engine found with the
 * {@link Oracle}. Most results succeed with a chat completion; the rest fail the ways the playbook lists (400
 * invalid_value, 401 with a key in the message, 429 rate limit and quota, 500), or carry an error instead of a
 * response (batch_expired, batch_cancelled, request_timeout). Keys it writes are fake, in a real key's shape.
 */
public final class BatchFileGenerator {

    /** What a generated file holds. */
    public record Oracle(long results, long succeeded, long failed, long expired, long cancelled, long timedOut,
                         Map<Integer, Long> failedByStatus, Map<String, Long> byErrorCode,
                         List<String> firstFailedCustomIds, List<String> keys, List<String> completionWords) {
    }

    private static final String[] WORDS = {"amber", "basalt", "cobalt", "dune", "ember", "fjord", "glacier", "harbor",
        "isthmus", "juniper", "kelp", "lagoon", "meadow", "nebula", "obsidian", "prairie", "quartz", "ridge", "savanna",
        "tundra", "umber", "valley", "willow", "xylem", "yarrow", "zephyr"};
    private static final int KEEP_IDS = 200;

    private BatchFileGenerator() {
    }

    /** Writes about {@code bytes} bytes of results to {@code out}. */
    public static Oracle write(Path out, long bytes, long seed) {
        Random random = new Random(seed);
        long written = 0;
        long results = 0;
        long succeeded = 0;
        long failed = 0;
        long expired = 0;
        long cancelled = 0;
        long timedOut = 0;
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCode = new LinkedHashMap<>();
        List<String> failedIds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder line = new StringBuilder(2048);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            while (written < bytes) {
                results++;
                String customId = "task-" + results;
                String requestId = "req_" + hex(random, 32);
                line.setLength(0);
                line.append("{\"id\": \"batch_req_").append(hex(random, 24)).append("\", \"custom_id\": \"")
                        .append(customId).append("\", ");
                int roll = random.nextInt(1000);
                String code = null;
                if (roll < 800) {
                    succeeded++;
                    response(line, 200, requestId, completion(random));
                    line.append(", \"error\": null}");
                } else if (roll < 950) {
                    int status;
                    String body;
                    if (roll < 860) {
                        status = 400;
                        code = "invalid_value";
                        body = error("max_tokens is too large: 50000. This model supports at most 16384 completion"
                                + " tokens, whereas you provided 50000.", "invalid_request_error", "max_tokens", code);
                    } else if (roll < 865) {
                        status = 401;
                        code = "invalid_api_key";
                        String key = "sk-proj-" + alnum(random, 48);
                        if (keys.size() < 20) {
                            keys.add(key);
                        }
                        body = error("Incorrect API key provided: " + key + ". You can find your API key at"
                                + " https://platform.openai.com/account/api-keys.", "invalid_request_error", null, code);
                    } else if (roll < 895) {
                        status = 429;
                        code = "rate_limit_exceeded";
                        body = error("Rate limit reached for gpt-4o in organization org-" + alnum(random, 24)
                                + " on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000.", "tokens",
                                null, code);
                    } else if (roll < 905) {
                        status = 429;
                        code = "insufficient_quota";
                        body = error("You exceeded your current quota, please check your plan and billing details.",
                                "insufficient_quota", null, code);
                    } else {
                        status = 500;
                        code = "server_error";
                        body = error("The server had an error while processing your request. Sorry about that! You"
                                + " can retry your request, or contact us through our help center if the error"
                                + " persists. (Please include the request ID " + requestId + " in your message.)",
                                "server_error", null, null);
                        code = "server_error"; // no code in the body: the type stands in for it
                    }
                    failed++;
                    byStatus.merge(status, 1L, Long::sum);
                    response(line, status, requestId, body);
                    line.append(", \"error\": null}");
                } else {
                    String message;
                    if (roll < 985) {
                        code = "batch_expired";
                        expired++;
                        message = "This request could not be executed before the completion window expired.";
                    } else if (roll < 995) {
                        code = "batch_cancelled";
                        cancelled++;
                        message = "This request was not executed because the batch was cancelled.";
                    } else {
                        code = "request_timeout";
                        timedOut++;
                        message = "The request timed out.";
                    }
                    line.append("\"response\": null, \"error\": {\"code\": \"").append(code)
                            .append("\", \"message\": \"").append(message).append("\"}}");
                }
                if (code != null) {
                    byCode.merge(code, 1L, Long::sum);
                    if (failedIds.size() < KEEP_IDS) {
                        failedIds.add(customId);
                    }
                }
                line.append('\n');
                w.write(line.toString());
                written += line.length(); // ASCII only: characters are bytes
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Oracle(results, succeeded, failed, expired, cancelled, timedOut, byStatus, byCode, failedIds, keys,
                List.of(WORDS));
    }

    private static void response(StringBuilder line, int status, String requestId, String body) {
        line.append("\"response\": {\"status_code\": ").append(status).append(", \"request_id\": \"").append(requestId)
                .append("\", \"body\": ").append(body).append('}');
    }

    private static String error(String message, String type, String param, String code) {
        return "{\"error\": {\"message\": \"" + message + "\", \"type\": \"" + type + "\", \"param\": "
                + (param == null ? "null" : "\"" + param + "\"") + ", \"code\": "
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    private static String completion(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 20 + random.nextInt(120);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        int prompt = 20 + random.nextInt(400);
        return String.format(Locale.ROOT, "{\"id\": \"chatcmpl-%s\", \"object\": \"chat.completion\", \"created\":"
                + " %d, \"model\": \"gpt-4o-mini-2024-07-18\", \"choices\": [{\"index\": 0, \"message\": {\"role\":"
                + " \"assistant\", \"content\": \"%s\", \"refusal\": null}, \"logprobs\": null, \"finish_reason\":"
                + " \"stop\"}], \"usage\": {\"prompt_tokens\": %d, \"completion_tokens\": %d, \"total_tokens\": %d},"
                + " \"system_fingerprint\": \"fp_%s\"}", alnum(random, 29), 1_711_652_795 + random.nextInt(86_400),
                text, prompt, words, prompt + words, hex(random, 10));
    }

    private static String hex(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String alnum(Random random, int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }
}
