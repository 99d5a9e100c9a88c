package dev.triagedesk.evidence.triage;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.SignalType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chrome's {@code net::ERR_*} failures (net_error_list.h) and what they say about the reporter's setup. */
public final class NetErrors {

    /** {@code net::ERR_X} anywhere, or a bare {@code ERR_X} standing alone (axios' {@code ERR_BAD_RESPONSE} codes are not net errors). */
    private static final Pattern NET_ERROR = Pattern.compile("net::(ERR_[A-Z0-9_]+)|^\\s*(ERR_[A-Z0-9_]+)\\s*$");

    private NetErrors() {
    }

    /** The {@code net::ERR_*} name inside a failure text, normalised to {@code net::ERR_X}, or {@code null}. */
    public static String find(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher m = NET_ERROR.matcher(text);
        if (!m.find()) {
            return null;
        }
        return "net::" + (m.group(1) != null ? m.group(1) : m.group(2));
    }

    /**
     * A network failure told in words by tools that are not Chrome (mitmproxy, Insomnia, SDK logs): "Connect call
     * failed", "getaddrinfo ENOTFOUND", "certificate verify failed". Returns the signal it is evidence of, or null.
     */
    public static SignalType signalFromText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("certificate") || t.contains("ssl") || t.contains("tls") || t.contains("self signed")
                || t.contains("self-signed") || t.contains("unable to get local issuer")) {
            return SignalType.TLS_INTERCEPTION;
        }
        if (t.contains("enotfound") || t.contains("getaddrinfo") || t.contains("name or service not known")
                || t.contains("nodename nor servname") || t.contains("name resolution") || t.contains("no such host")) {
            return SignalType.DNS_FAILURE;
        }
        if (t.contains("proxy")) {
            return SignalType.PROXY_FAILURE;
        }
        if (t.contains("connect call failed") || t.contains("connection refused") || t.contains("econnrefused")
                || t.contains("connection reset") || t.contains("econnreset") || t.contains("timed out")
                || t.contains("etimedout") || t.contains("timeout") || t.contains("broken pipe")
                || t.contains("network is unreachable") || t.contains("ehostunreach") || t.contains("socket hang up")) {
            return SignalType.CONNECTION_FAILURE;
        }
        return null;
    }

    /** What a failure with this net error asks for. */
    public static Category category(String netError) {
        String e = bare(netError);
        if (e == null) {
            return Category.NETWORK;
        }
        if (e.startsWith("ERR_BLOCKED_BY_CLIENT") || e.equals("ERR_ABORTED") || e.startsWith("ERR_BLOCKED_BY_CSP")
                || e.startsWith("ERR_BLOCKED_BY_RESPONSE") || e.startsWith("ERR_BLOCKED_BY_ORB")
                || e.startsWith("ERR_CACHE_") || e.equals("ERR_INSUFFICIENT_RESOURCES")
                || e.equals("ERR_FILE_NOT_FOUND") || e.equals("ERR_UNKNOWN_URL_SCHEME")
                || e.equals("ERR_HTTP_RESPONSE_CODE_FAILURE")) {
            return Category.BROWSER;
        }
        return Category.NETWORK;
    }

    /** The triage signal a net error is evidence of, or {@code null} for benign or unexplained ones. */
    public static SignalType signal(String netError) {
        String e = bare(netError);
        if (e == null) {
            return null;
        }
        if (e.startsWith("ERR_BLOCKED_BY_CLIENT")) {
            return SignalType.BLOCKED_BY_CLIENT;
        }
        if (e.equals("ERR_BLOCKED_BY_ADMINISTRATOR") || e.startsWith("ERR_BLOCKED_BY_CSP")
                || e.startsWith("ERR_BLOCKED_BY_RESPONSE")) {
            return SignalType.BLOCKED_BY_POLICY;
        }
        if (e.startsWith("ERR_CERT_") || e.equals("ERR_SSL_PROTOCOL_ERROR") || e.equals("ERR_INSECURE_RESPONSE")
                || e.startsWith("ERR_SSL_") || e.equals("ERR_BAD_SSL_CLIENT_AUTH_CERT")) {
            return SignalType.TLS_INTERCEPTION;
        }
        if (e.equals("ERR_NAME_NOT_RESOLVED") || e.equals("ERR_NAME_RESOLUTION_FAILED")
                || e.equals("ERR_DNS_TIMED_OUT") || e.startsWith("ERR_DNS_")) {
            return SignalType.DNS_FAILURE;
        }
        if (e.startsWith("ERR_PROXY_") || e.equals("ERR_TUNNEL_CONNECTION_FAILED")
                || e.equals("ERR_MANDATORY_PROXY_CONFIGURATION_FAILED") || e.startsWith("ERR_SOCKS_")) {
            return SignalType.PROXY_FAILURE;
        }
        if (e.equals("ERR_INTERNET_DISCONNECTED") || e.equals("ERR_NETWORK_CHANGED")
                || e.equals("ERR_ADDRESS_UNREACHABLE") || e.equals("ERR_NETWORK_IO_SUSPENDED")) {
            return SignalType.OFFLINE;
        }
        if (e.startsWith("ERR_CONNECTION_") || e.equals("ERR_EMPTY_RESPONSE") || e.equals("ERR_TIMED_OUT")
                || e.equals("ERR_HTTP2_PROTOCOL_ERROR") || e.equals("ERR_QUIC_PROTOCOL_ERROR")
                || e.equals("ERR_NETWORK_ACCESS_DENIED") || e.equals("ERR_SOCKET_NOT_CONNECTED")
                || e.startsWith("ERR_HTTP2_") || e.equals("ERR_INCOMPLETE_CHUNKED_ENCODING")
                || e.equals("ERR_CONTENT_LENGTH_MISMATCH") || e.equals("ERR_ADDRESS_INVALID")) {
            return SignalType.CONNECTION_FAILURE;
        }
        return null;
    }

    /** A short explanation for the report. */
    public static String explain(String netError) {
        String e = bare(netError);
        if (e == null) {
            return "no response was recorded";
        }
        return switch (e) {
            case "ERR_ABORTED" -> "request cancelled by the page or a navigation (usually harmless)";
            case "ERR_BLOCKED_BY_CLIENT" -> "blocked inside the browser, usually by an ad or privacy extension";
            case "ERR_BLOCKED_BY_ADMINISTRATOR" -> "blocked by a browser policy set by the organization";
            case "ERR_CERT_AUTHORITY_INVALID" -> "certificate from an untrusted issuer: TLS inspection whose CA is not installed, or a hostile network";
            case "ERR_CERT_COMMON_NAME_INVALID" -> "certificate for another name: a DNS filter's block page or a captive portal";
            case "ERR_CERT_DATE_INVALID" -> "certificate outside its dates: check the device clock, then the inspection certificate";
            case "ERR_CERT_KNOWN_INTERCEPTION_BLOCKED" -> "certificate of known interception software was refused";
            case "ERR_SSL_PROTOCOL_ERROR" -> "TLS failed: often a plaintext block page or broken interception";
            case "ERR_NAME_NOT_RESOLVED" -> "the host name did not resolve: DNS failure or DNS filtering";
            case "ERR_CONNECTION_REFUSED" -> "connection refused: proxy or firewall, or nothing listening";
            case "ERR_CONNECTION_RESET" -> "connection reset: firewall or deep packet inspection, or a flaky link";
            case "ERR_CONNECTION_CLOSED", "ERR_EMPTY_RESPONSE" -> "connection closed without a response: a middlebox or the server dropped it";
            case "ERR_CONNECTION_TIMED_OUT", "ERR_TIMED_OUT" -> "timed out: packets dropped by a firewall, or a stalled link";
            case "ERR_TUNNEL_CONNECTION_FAILED" -> "the proxy refused to open a tunnel (CONNECT)";
            case "ERR_PROXY_CONNECTION_FAILED" -> "the configured proxy cannot be reached";
            case "ERR_MANDATORY_PROXY_CONFIGURATION_FAILED" -> "the proxy auto-config (PAC) file failed";
            case "ERR_INTERNET_DISCONNECTED" -> "the device was offline";
            case "ERR_NETWORK_CHANGED" -> "the network changed mid-request (Wi-Fi switch, VPN up or down)";
            case "ERR_HTTP2_PROTOCOL_ERROR", "ERR_QUIC_PROTOCOL_ERROR" -> "protocol error: a proxy or antivirus breaking HTTP/2 or QUIC, or a server reset";
            default -> e.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    private static String bare(String netError) {
        if (netError == null) {
            return null;
        }
        String n = find(netError);
        return n == null ? null : n.substring("net::".length());
    }
}
