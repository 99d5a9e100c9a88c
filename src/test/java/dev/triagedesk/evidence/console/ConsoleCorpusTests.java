package dev.triagedesk.evidence.console;

import static dev.triagedesk.evidence.console.ConsoleTestSupport.analyze;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.json;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.lineCount;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.read;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.secretsIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real console log in the shared corpus, read in place. Expectations were checked by reading each file;
 * the line numbers below are the files' own.
 */
class ConsoleCorpusTests {

    /** The format each corpus file must be detected as; a new corpus file fails until it is added here. */
    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("capture-abenezer1244-ywmessaging-401.txt", "captured"),
            Map.entry("chrome-copy-bbarnes4318-roofing-debug.txt", "chrome"),
            Map.entry("chrome-copy-corporatedirect-forms.txt", "chrome"),
            Map.entry("chrome-copy-cult-ark-csp-typeerror.txt", "chrome"),
            Map.entry("chrome-copy-kitaaj-ndakita-hydration.txt", "chrome"),
            Map.entry("chrome-copy-rrekapalli-moneyplant-404-zonejs.txt", "chrome"),
            Map.entry("issue-chrome-mdn-content-29041-axios-500-stack.txt", "chrome"),
            Map.entry("issue-chrome-shohan-ch-social-network-template-1-404s.txt", "chrome"),
            Map.entry("issue-firefox-spenibus-cors-everywhere-32-network-cors.txt", "firefox"),
            Map.entry("playwright-mcp-dkeken-polyprofit-502-websocket.txt", "playwright"),
            Map.entry("playwright-mcp-hopps-firefox-cors.txt", "playwright"),
            Map.entry("playwright-mcp-knaei3933-epackage-401.txt", "playwright"),
            Map.entry("playwright-mcp-ogghst-backcast-jwt.txt", "playwright"),
            Map.entry("playwright-mcp-sebastiaaann-net-err.txt", "playwright"),
            Map.entry("puppeteer-capture-diogodpa-logs-chrome-reader.txt", "puppeteer"));

    static List<Path> consoles() {
        return Corpus.consoles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoles")
    void everyFileIsReadWithItsFormatAndLineCountAndNoSecretLeft(Path file) {
        String name = file.getFileName().toString();
        assertThat(FORMATS).as("expected format for %s", name).containsKey(name);

        ConsoleAnalysis a = analyze(file);

        assertThat(a.kind()).isEqualTo("console");
        assertThat(a.format()).isEqualTo(FORMATS.get(name));
        assertThat(ConsoleAnalyzer.detectFormat(head(file))).isEqualTo(FORMATS.get(name));
        assertThat(ConsoleAnalyzer.looksLikeConsole(head(file))).isTrue();
        assertThat(a.lineCount()).isEqualTo(lineCount(file));
        assertThat(a.errorsOmitted()).isZero();
        assertThat(a.errors()).allSatisfy(e -> {
            assertThat(e.line()).isBetween(1, a.lineCount());
            assertThat(e.level()).isIn("error", "warning");
            assertThat(e.message()).isNotBlank().hasSizeLessThanOrEqualTo(ConsoleAnalyzer.MAX_MESSAGE);
            assertThat(e.category()).isNotNull();
        });
        assertThat(a.errors()).extracting(ConsoleError::line).isSorted();

        String json = json(a);
        assertThat(LeftoverScan.check(json)).isEmpty();
        assertThat(secretsIn(read(file))).allSatisfy(secret -> assertThat(json).doesNotContain(secret));
    }

    @Test
    void theCorpusHoldsASecretTheAnalysisMustDrop() {
        // keeps the leak check above from passing vacuously; the key itself is never written into the repo
        String text = read(Corpus.console("chrome-copy-corporatedirect-forms.txt"));
        Matcher key = Pattern.compile("AIza[A-Za-z0-9_-]{35}").matcher(text);
        assertThat(key.find()).isTrue();
        assertThat(secretsIn(text)).contains(key.group());
        assertThat(json(analyze(Corpus.console("chrome-copy-corporatedirect-forms.txt")))).doesNotContain(key.group());
    }

    @Test
    void harFilesAreNotConsoleLogs() {
        assertThat(Corpus.hars()).allSatisfy(har -> assertThat(ConsoleAnalyzer.looksLikeConsole(head(har)))
                .as(har.getFileName().toString()).isFalse());
    }

    /** Playwright-MCP says how many error messages it returned: every one of them must be found, and no more. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("consoles")
    void playwrightDumpsYieldAsManyErrorsAsTheirHeaderAnnounces(Path file) {
        Matcher header = Pattern.compile("Returning (\\d+) messages for level \"error\"").matcher(read(file));
        if (!header.find()) {
            return;
        }
        int announced = Integer.parseInt(header.group(1));
        assertThat(analyze(file).errors()).hasSize(announced);
    }

    @Test
    void rrekapalliZoneJsCopyHasTwelveFailedXhrs404OneResource404AndOne500() {
        ConsoleAnalysis a = analyze(Corpus.console("chrome-copy-rrekapalli-moneyplant-404-zonejs.txt"));

        List<ConsoleError> xhr404 = a.errors().stream()
                .filter(e -> Integer.valueOf(404).equals(e.status()) && e.message().matches("(GET|POST) http.*")).toList();
        assertThat(xhr404).extracting(ConsoleError::line)
                .containsExactly(1, 5022, 9212, 10445, 10544, 11912, 12147, 12249, 12487, 12858, 17473, 17847);
        assertThat(xhr404).allSatisfy(e -> assertThat(e.category()).isEqualTo(Category.CHECK_RESOURCE));
        assertThat(xhr404.get(0).url()).isEqualTo("http://localhost:8080/api/nse-indices/ingestion/status");
        assertThat(xhr404).filteredOn(e -> e.message().startsWith("POST")).extracting(ConsoleError::url)
                .containsOnly("http://localhost:8080/api/nse-indices/ingestion/start").hasSize(3);

        // the resource row's anchor is the resource's name, as DevTools prints it
        assertThat(error(a, 2987).status()).isEqualTo(404);
        assertThat(error(a, 2987).url()).isEqualTo("start");

        assertThat(a.errors()).filteredOn(e -> Integer.valueOf(500).equals(e.status())).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(6118);
                    assertThat(e.url()).isEqualTo("http://localhost:8080/api/v1/index/NIFTY-METAL/historical-data");
                    assertThat(e.category()).isEqualTo(Category.RETRY_LATER);
                });

        // the app's own console.error rows (each followed by a stack) are findings without a stated status
        List<Integer> appErrors = List.of(961, 1970, 2988, 4001, 7114, 8159, 14361, 15913, 18353, 18908);
        assertThat(appErrors).allSatisfy(line -> {
            assertThat(error(a, line).status()).isNull();
            assertThat(error(a, line).category()).isEqualTo(Category.UNKNOWN);
        });
        // 19,000 stack-frame lines, "Promise.then" and "setInterval" boundaries and log rows are not findings
        assertThat(a.errors()).hasSize(12 + 1 + 1 + appErrors.size());
        assertThat(lines(a)).doesNotContain(2, 83, 6117, 10443, 10444);
    }

    @Test
    void bbarnesCopyHasElevenResource500sEachWithItsAxiosError() {
        ConsoleAnalysis a = analyze(Corpus.console("chrome-copy-bbarnes4318-roofing-debug.txt"));

        List<ConsoleError> resources = a.errors().stream()
                .filter(e -> e.message().startsWith("Failed to load resource")).toList();
        assertThat(resources).extracting(ConsoleError::line)
                .containsExactly(32, 35, 38, 41, 74, 92, 95, 113, 116, 149, 152);
        assertThat(resources).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.category()).isEqualTo(Category.RETRY_LATER);
            // "Understand this error" is DevTools' suffix, not part of the message
            assertThat(e.message()).isEqualTo("Failed to load resource: the server responded with a status of 500 ()");
        });
        assertThat(error(a, 32).url()).isEqualTo("feedback");
        assertThat(error(a, 74).url())
                .isEqualTo("/api/feedback?status=all&severity=all&dateRange=all&sortBy=newest&search=&type=BUG");

        // "🚨 API ERROR: …" rows are console.error calls (DevTools marks them); axios states the status
        List<ConsoleError> apiErrors = a.errors().stream().filter(e -> e.message().contains("API ERROR")).toList();
        assertThat(apiErrors).extracting(ConsoleError::line)
                .containsExactly(33, 36, 39, 42, 75, 93, 96, 114, 117, 150, 153);
        assertThat(apiErrors).allSatisfy(e -> assertThat(e.status()).isEqualTo(500));
        assertThat(a.errors()).hasSize(22);
        // console.log rows that merely print "error: null" or an AxiosError object are not findings
        assertThat(lines(a)).doesNotContain(11, 26, 53, 164);
    }

    @Test
    void corporateDirectCopyHasTwoUncaughtsAndAReactErrorButNotTheMapsWarning() {
        ConsoleAnalysis a = analyze(Corpus.console("chrome-copy-corporatedirect-forms.txt"));

        assertThat(lines(a)).containsExactly(8, 983, 995);
        assertThat(error(a, 8).message()).isEqualTo("Uncaught");
        assertThat(error(a, 983).message()).startsWith("Error: Minified React error #130;");
        assertThat(error(a, 995).message()).startsWith("Uncaught Error: Minified React error #130;");
        assertThat(a.errors()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(Category.UNKNOWN);
            assertThat(e.url()).as("the React docs link is not the failed request").isNull();
        });
        // the Cloudflare challenge frame's ray is something support can look up
        assertThat(a.requestIds()).containsExactly(new RequestId("cf-ray", "95d21e585e0a2b85"));
    }

    @Test
    void cultArkCopyHasTheCspRefusalsAndTheTypeErrorsOfBothBrowsers() {
        ConsoleAnalysis a = analyze(Corpus.console("chrome-copy-cult-ark-csp-typeerror.txt"));

        assertThat(lines(a)).containsExactly(1, 3, 15, 27, 32, 128);
        String fonts = "https://fonts.googleapis.com/css2?family=Archivo:ital,wght@0,100..900;1,100..900&display=swap";
        for (int line : new int[] {1, 27}) {
            assertThat(error(a, line).message()).startsWith("Refused to load the stylesheet");
            assertThat(error(a, line).url()).isEqualTo(fonts);
            assertThat(error(a, line).category()).isEqualTo(Category.BROWSER);
        }
        assertThat(error(a, 3).message()).isEqualTo("TypeError: e.map is not a function");
        assertThat(error(a, 15).message()).isEqualTo("Global error: TypeError: e.map is not a function");
        assertThat(error(a, 32).message()).startsWith("TypeError: e.map is not a function. (In 'e.map(");
        // Safari's CSP wording, indented in the paste
        assertThat(error(a, 128).url()).isEqualTo("https://unpkg.com/pdfjs-dist@3.4.120/build/pdf.worker.min.js");
        assertThat(error(a, 128).category()).isEqualTo(Category.BROWSER);
        assertThat(a.signals()).containsExactly(
                Signal.atLine(SignalType.BLOCKED_BY_POLICY, 1, "CSP style-src " + fonts),
                Signal.atLine(SignalType.BLOCKED_BY_POLICY, 128,
                        "CSP script-src https://unpkg.com/pdfjs-dist@3.4.120/build/pdf.worker.min.js"));
    }

    @Test
    void kitaajCopyHasTheMultiLineHydrationErrorOnce() {
        ConsoleAnalysis a = analyze(Corpus.console("chrome-copy-kitaaj-ndakita-hydration.txt"));

        assertThat(lines(a)).containsExactly(2, 99, 163);
        assertThat(error(a, 2).message()).startsWith("A tree hydrated but some attributes of the server rendered HTML");
        assertThat(error(a, 99).message()).startsWith("grm ERROR [iterable]");
        assertThat(error(a, 163).message()).isEqualTo("Failed to register home: StorageApiError: Bucket not found");
    }

    @Test
    void mdnIssueHasTheAxios500AndItsStackIsNotCounted() {
        ConsoleAnalysis a = analyze(Corpus.console("issue-chrome-mdn-content-29041-axios-500-stack.txt"));

        assertThat(a.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).isEqualTo("POST http://localhost:3000/api/video 500 (Internal Server Error)");
            assertThat(e.url()).isEqualTo("http://localhost:3000/api/video");
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.category()).isEqualTo(Category.RETRY_LATER);
        });
    }

    @Test
    void shohanIssueHasFive404sWithTrailingAnchorsAndNoSourceMapNoise() {
        ConsoleAnalysis a = analyze(Corpus.console("issue-chrome-shohan-ch-social-network-template-1-404s.txt"));

        assertThat(a.errors()).extracting(ConsoleError::url)
                .containsExactly("close.png", "loading.gif", "next.png", "/favicon.ico", null);
        assertThat(a.errors()).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.category()).isEqualTo(Category.CHECK_RESOURCE);
            // the source-map failure run into line 5 is DevTools' own fetch, not the page's
            assertThat(e.netError()).isNull();
            assertThat(e.message()).isEqualTo("Failed to load resource: the server responded with a status of 404 ()");
        });
    }

    @Test
    void spenibusFirefoxExportHasOneCorsFailureAndNoFailedRows() {
        ConsoleAnalysis a = analyze(Corpus.console("issue-firefox-spenibus-cors-everywhere-32-network-cors.txt"));

        assertThat(a.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.url()).isEqualTo("http://google.com/");
            assertThat(e.status()).isNull();
            assertThat(e.category()).isEqualTo(Category.NETWORK);
        });
        assertThat(a.signals()).containsExactly(Signal.atLine(SignalType.CORS_BLOCKED, 11, "CORS http://google.com/"));
    }

    @Test
    void dkekenDumpHasTwo502sAndThirtyThreeWebSocketFailures() {
        ConsoleAnalysis a = analyze(Corpus.console("playwright-mcp-dkeken-polyprofit-502-websocket.txt"));

        assertThat(a.errors()).filteredOn(e -> Integer.valueOf(502).equals(e.status()))
                .extracting(ConsoleError::line).containsExactly(4, 5);
        assertThat(error(a, 4).url()).isEqualTo("http://localhost:5173/api/pnl-history");
        assertThat(error(a, 4).category()).isEqualTo(Category.RETRY_LATER);
        List<ConsoleError> ws = a.errors().stream().filter(e -> e.message().startsWith("WebSocket connection")).toList();
        assertThat(ws).extracting(ConsoleError::line).containsExactlyElementsOf(IntStream.rangeClosed(6, 38).boxed().toList());
        assertThat(ws).allSatisfy(e -> {
            assertThat(e.url()).isEqualTo("ws://localhost:5173/ws");
            assertThat(e.category()).isEqualTo(Category.NETWORK);
        });
        // one signal per distinct failure, not 33
        assertThat(a.signals()).containsExactly(Signal.atLine(SignalType.CONNECTION_FAILURE, 6,
                "Connection closed before receiving a handshake response ws://localhost:5173/ws"));
    }

    @Test
    void hoppsFirefoxDumpHasTheCorsFailuresAndTheUnprefixedPageError() {
        ConsoleAnalysis a = analyze(Corpus.console("playwright-mcp-hopps-firefox-cors.txt"));

        assertThat(lines(a)).containsExactly(4, 6, 7, 8);
        assertThat(error(a, 4).message()).isEqualTo("AbortError: The operation was aborted.");
        for (int line : new int[] {6, 8}) {
            assertThat(error(a, line).url()).isEqualTo("http://localhost:8101/organization/my");
            assertThat(error(a, line).status()).as("Status code: (null)").isNull();
            assertThat(error(a, line).category()).isEqualTo(Category.NETWORK);
        }
        assertThat(error(a, 7).message()).isEqualTo("Failed to load organization: Error");
        assertThat(error(a, 7).url()).as("the script that logged it is not a request").isNull();
        assertThat(a.signals()).extracting(Signal::type, Signal::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignalType.CORS_BLOCKED, 6));
    }

    @Test
    void knaeiDumpHasThe401OnSignIn() {
        ConsoleAnalysis a = analyze(Corpus.console("playwright-mcp-knaei3933-epackage-401.txt"));

        assertThat(a.lineCount()).isEqualTo(4);
        assertThat(a.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.url()).isEqualTo("https://www.package-lab.com/api/auth/signin");
            assertThat(e.category()).isEqualTo(Category.FIX_ACCESS);
        });
    }

    @Test
    void ogghstDumpHasTwoMultiLineTypeErrorsAndFive401s() {
        ConsoleAnalysis a = analyze(Corpus.console("playwright-mcp-ogghst-backcast-jwt.txt"));

        assertThat(lines(a)).containsExactly(4, 15, 26, 27, 28, 29, 30);
        for (int line : new int[] {4, 15}) {
            assertThat(error(a, line).message()).startsWith("Failed to parse JWT:")
                    .endsWith("Cannot read properties of undefined (reading 'replace')");
            assertThat(error(a, line).url()).isNull();
            assertThat(error(a, line).category()).isEqualTo(Category.UNKNOWN);
        }
        assertThat(a.errors().subList(2, 7)).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.category()).isEqualTo(Category.FIX_ACCESS);
        });
        assertThat(error(a, 27).url()).isEqualTo("http://192.168.1.15:8020/api/v1/auth/me");
        // a refresh that is refused means the session cannot be renewed
        assertThat(a.signals()).containsExactly(Signal.atLine(SignalType.SESSION_EXPIRED, 30,
                "HTTP 401 on token refresh http://192.168.1.15:8020/api/v1/auth/refresh"));
    }

    @Test
    void sebastiaaannDumpHasEachNetErrorOnItsResource() {
        ConsoleAnalysis a = analyze(Corpus.console("playwright-mcp-sebastiaaann-net-err.txt"));

        assertThat(error(a, 5).netError()).isEqualTo("net::ERR_EMPTY_RESPONSE");
        assertThat(error(a, 5).url()).isEqualTo("http://127.0.0.1:3000/src/index.css");
        assertThat(a.errors()).filteredOn(e -> "net::ERR_SOCKET_NOT_CONNECTED".equals(e.netError()))
                .extracting(ConsoleError::line).containsExactly(6, 7);
        assertThat(error(a, 6).url()).isEqualTo("http://127.0.0.1:3000/@id/__x00__astro:transitions/client");
        assertThat(a.errors()).filteredOn(e -> "net::ERR_CONNECTION_REFUSED".equals(e.netError()))
                .extracting(ConsoleError::line).containsExactly(8, 9, 10);
        assertThat(a.errors()).filteredOn(e -> e.netError() != null)
                .allSatisfy(e -> assertThat(e.category()).isEqualTo(Category.NETWORK));
        assertThat(error(a, 11).status()).isEqualTo(500);
        assertThat(error(a, 12).status()).isEqualTo(404);
        assertThat(a.errors().subList(9, 13)).allSatisfy(e -> {
            assertThat(e.message()).startsWith("Failed to fetch dynamically imported module");
            assertThat(e.url()).isEqualTo("http://127.0.0.1:3000/@id/astro:scripts/before-hydration.js");
        });
        assertThat(a.signals()).extracting(Signal::type).containsOnly(SignalType.CONNECTION_FAILURE);
        assertThat(a.signals()).extracting(Signal::line).containsExactly(5, 6, 7, 8, 9, 10);
    }

    @Test
    void puppeteerCaptureHasNoFindings() {
        ConsoleAnalysis a = analyze(Corpus.console("puppeteer-capture-diogodpa-logs-chrome-reader.txt"));

        // ten animation warnings and logs with URLs: nothing failed
        assertThat(a.lineCount()).isEqualTo(20);
        assertThat(a.errors()).isEmpty();
        assertThat(a.signals()).isEmpty();
    }

    @Test
    void abenezerCaptureHasTwelve401sAndTwelve400sButNotTheDebugLines() {
        ConsoleAnalysis a = analyze(Corpus.console("capture-abenezer1244-ywmessaging-401.txt"));

        assertThat(a.errors()).filteredOn(e -> Integer.valueOf(401).equals(e.status())).extracting(ConsoleError::line)
                .containsExactly(7, 9, 25, 27, 47, 49, 71, 73, 95, 97, 115, 117);
        assertThat(a.errors()).filteredOn(e -> Integer.valueOf(400).equals(e.status())).extracting(ConsoleError::line)
                .containsExactly(11, 15, 29, 33, 51, 57, 75, 81, 99, 105, 119, 123);
        assertThat(a.errors()).hasSize(24).allSatisfy(e -> assertThat(e.url()).isNull());
        assertThat(error(a, 7).category()).isEqualTo(Category.FIX_ACCESS);
        assertThat(error(a, 11).category()).isEqualTo(Category.FIX_REQUEST);
        // "debug: getMe() failed, attempting token refresh... 401" and route warnings are not findings
        assertThat(lines(a)).doesNotContain(8, 41);
    }

    private static ConsoleError error(ConsoleAnalysis a, int line) {
        return a.errors().stream().filter(e -> e.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at line " + line + "; found " + lines(a)));
    }

    private static List<Integer> lines(ConsoleAnalysis a) {
        return a.errors().stream().map(ConsoleError::line).toList();
    }

    private static String head(Path file) {
        String text = read(file);
        return text.length() > ConsoleAnalyzer.HEAD_CHARS ? text.substring(0, ConsoleAnalyzer.HEAD_CHARS) : text;
    }
}
