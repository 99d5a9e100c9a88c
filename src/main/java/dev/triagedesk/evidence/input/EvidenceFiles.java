package dev.triagedesk.evidence.input;

import dev.triagedesk.evidence.EvidenceException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens an evidence file: a HAR, API client log or console log, plain or in a {@code .gz}, or a {@code .zip} holding any number
 * of them. Content decides the format, not the name. Archives are expanded lazily and within {@link InputLimits}.
 */
public final class EvidenceFiles {

    private static final int HEAD = 64 * 1024;

    /** What a file holds: the documents that can be read, and the members that could not, with the reason. */
    public record Opened(List<EvidenceDocument> documents, List<Rejection> rejected) {
    }

    /** A member of an archive that is not evidence, and why. */
    public record Rejection(String name, String reason) {
    }

    private final InputLimits limits;
    private final Predicate<String> looksLikeConsole;
    private final Predicate<String> looksLikeApiLog;

    /** @param looksLikeConsole decides whether text is a console log, from its first 64 KB */
    public EvidenceFiles(InputLimits limits, Predicate<String> looksLikeConsole) {
        this(limits, looksLikeConsole, text -> false);
    }

    /**
     * @param looksLikeConsole decides whether text is a console log, from its first 64 KB
     * @param looksLikeApiLog decides whether text is API client evidence (asked first: the console reader takes any text)
     */
    public EvidenceFiles(InputLimits limits, Predicate<String> looksLikeConsole, Predicate<String> looksLikeApiLog) {
        this.limits = limits;
        this.looksLikeConsole = looksLikeConsole;
        this.looksLikeApiLog = looksLikeApiLog;
    }

    /**
     * Opens {@code file}, shown to people as {@code name}. A plain file or a {@code .gz} that is not evidence
     * throws {@link EvidenceException} with the reason; a zip lists such members in {@link Opened#rejected()}.
     * Documents are named as {@link FileNames#shown} makes them, whatever the upload or the archive called them.
     */
    public Opened open(Path file, String givenName) {
        String name = FileNames.shown(givenName);
        byte[] magic = new byte[4];
        int m;
        try (InputStream in = Files.newInputStream(file)) {
            m = in.readNBytes(magic, 0, 4);
        } catch (NoSuchFileException e) {
            throw new EvidenceException("no such file: " + name);
        } catch (IOException e) {
            throw new EvidenceException("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (m >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            String inner = stripSuffix(name, ".gz");
            EvidenceDocument.Opener raw = () -> gunzip(file, name);
            return new Opened(List.of(document(inner, "gzip", raw, null)), List.of());
        }
        if (m == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 && magic[3] == 4 || magic[2] == 5 && magic[3] == 6)) {
            return unzip(file, name);
        }
        EvidenceDocument.Opener raw = () -> new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new Opened(List.of(document(name, "plain", raw, file)), List.of());
    }

    private InputStream gunzip(Path file, String name) throws IOException {
        CountingInputStream counted = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            return new BufferedInputStream(new ExpansionGuard(new GZIPInputStream(counted, 1 << 16), limits,
                    counted::count, name), 1 << 16);
        } catch (ZipException e) {
            counted.close();
            throw new EvidenceException(name + " is not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            counted.close();
            throw ExpansionGuard.damaged(name, e);
        }
    }

    private Opened unzip(Path file, String name) {
        List<EvidenceDocument> docs = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int seen = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String member = entry.getName();
                if (entry.isDirectory() || member.startsWith("__MACOSX/") || baseName(member).startsWith("._")) {
                    continue;
                }
                if (++seen > limits.maxArchiveEntries()) {
                    throw new EvidenceException(name + " holds more than " + limits.maxArchiveEntries()
                            + " files: refused");
                }
                String shown = FileNames.shown(name + "!/" + member);
                String lower = member.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".gz") || lower.endsWith(".zip")) {
                    rejected.add(new Rejection(shown, "archives inside archives are not opened: add it separately"));
                    continue;
                }
                long compressed = Math.max(1, entry.getCompressedSize());
                EvidenceDocument.Opener raw = () -> zipMember(file, member, compressed, shown);
                try {
                    docs.add(document(shown, "zip", raw, null));
                } catch (EvidenceException e) {
                    rejected.add(new Rejection(shown, e.getMessage()));
                }
            }
        } catch (ZipException e) {
            throw new EvidenceException(name + " is not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EvidenceException("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (docs.isEmpty() && rejected.isEmpty()) {
            throw new EvidenceException(name + " is an empty zip archive");
        }
        return new Opened(List.copyOf(docs), List.copyOf(rejected));
    }

    private InputStream zipMember(Path file, String member, long compressed, String shown) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        ZipEntry entry = zip.getEntry(member);
        if (entry == null) {
            zip.close();
            throw new IOException(shown + " disappeared from the archive");
        }
        InputStream in = new ExpansionGuard(zip.getInputStream(entry), limits, () -> compressed, shown);
        return new BufferedInputStream(new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        }, 1 << 16);
    }

    /** Sniffs the content behind {@code raw} and wraps it so readers see plain UTF-8 starting at the document. */
    private EvidenceDocument document(String name, String packaging, EvidenceDocument.Opener raw, Path plainFile) {
        byte[] head = new byte[HEAD];
        int len;
        try (InputStream in = raw.open()) {
            len = in.readNBytes(head, 0, HEAD);
        } catch (EvidenceException e) {
            throw e;
        } catch (IOException e) {
            throw new EvidenceException("cannot read " + name + ": " + e.getMessage(), e);
        }
        Sniffer.Verdict v = Sniffer.sniff(head, len, looksLikeConsole, looksLikeApiLog);
        if (v.rejection() != null) {
            throw new EvidenceException(name + ": " + v.rejection());
        }
        int skip = v.skipBytes();
        boolean utf16 = v.utf16();
        EvidenceDocument.Opener decoded = () -> {
            InputStream in = raw.open();
            if (utf16) {
                return new BufferedInputStream(new Utf16ToUtf8InputStream(in), 1 << 16);
            }
            in.skipNBytes(skip);
            return in;
        };
        return new EvidenceDocument(name, v.format(), packaging, decoded, utf16 ? null : plainFile, skip);
    }

    private static String stripSuffix(String name, String suffix) {
        return name.toLowerCase(Locale.ROOT).endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
