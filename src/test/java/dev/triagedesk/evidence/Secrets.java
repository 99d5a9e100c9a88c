package dev.triagedesk.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Fake secrets in the shapes real ones have: good enough to trip every rule, worthless anywhere else. */
public final class Secrets {

    private Secrets() {
    }

    public static String openAiKey(int seed) {
        return "sk-proj-" + ("Fake" + seed + "KeyAbc123xyz").repeat(4);
    }

    public static String jwt(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":1893456000}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJlLW9mLXRoZS1mYWtlLXRva2VuLWZvci10ZXN0cw";
    }

    public static String sessionToken(int seed) {
        return ("sessTok" + seed + "QwErTy0987").repeat(6);
    }
}
