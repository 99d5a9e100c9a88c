package dev.triagedesk.ticket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps screenshots from exhausting the heap. What an image takes in memory once decoded depends on its pixels,
 * not on its file: a PNG of 74 bytes may declare 7000×7000 pixels of 16 bits per channel, 392 MB decoded. So the
 * size an image declares (PNG's IHDR, JPEG's SOF, read without decoding anything) is checked first against a
 * limit in pixels ({@code triage.upload.max-screenshot-pixels}, 40 megapixels by default: an 8K screen is 33) and
 * against the memory that many 8-bit RGBA pixels take (so deeper pixels count for more); an image over either is
 * rejected with its reason, the rest of the report kept. And only a few images are decoded at once
 * ({@code triage.upload.screenshot-decodes}, 2 by default); others wait their turn.
 */
@Component
class ScreenshotDecoding {

    /** Bytes a pixel takes when decoded at 8 bits per channel with alpha: the measure of the memory budget. */
    private static final int BUDGET_BYTES_PER_PIXEL = 4;

    /** Something done with a decoded image while it is held in memory. */
    interface Work<T> {
        T run() throws IOException;
    }

    private final long maxPixels;
    private final Semaphore decodes;

    ScreenshotDecoding(@Value("${triage.upload.max-screenshot-pixels:40000000}") long maxPixels,
                       @Value("${triage.upload.screenshot-decodes:2}") int decodesAtOnce) {
        if (maxPixels < 1 || decodesAtOnce < 1) {
            throw new IllegalStateException("triage.upload.max-screenshot-pixels and triage.upload.screenshot-decodes"
                    + " must be at least 1");
        }
        this.maxPixels = maxPixels;
        this.decodes = new Semaphore(decodesAtOnce, true);
    }

    /**
     * Why the image a reader is set on is not decoded, or null when it may be: read from its header only. A header
     * that cannot be read throws, like the decoding would.
     */
    String refusal(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            return "the image is too large: " + width + "×" + height + " pixels (" + megapixels(pixels)
                    + " megapixels), more than the " + megapixels(maxPixels) + " megapixels a screenshot may have";
        }
        int bits = bitsPerPixel(reader);
        long bytes = pixels * ((bits + 7) / 8);
        long budget = maxPixels * BUDGET_BYTES_PER_PIXEL;
        if (bytes > budget) {
            return "the image is too large: " + width + "×" + height + " pixels of " + bits + " bits would take "
                    + mb(bytes) + " of memory to read, more than the " + mb(budget) + " a screenshot may take ("
                    + megapixels(maxPixels) + " megapixels of 8 bits per channel); save it with 8 bits per channel";
        }
        return null;
    }

    /** Runs the work (decoding an image and writing it out) when it is its turn, a few at a time. */
    <T> T oneOfFew(Work<T> work) throws IOException {
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to read the image");
        }
        try {
            return work.run();
        } finally {
            decodes.release();
        }
    }

    long maxPixels() {
        return maxPixels;
    }

    /** Bits of each pixel as the reader decodes it by default (its first image type), at least 8 when unknown. */
    private static int bitsPerPixel(ImageReader reader) throws IOException {
        int bits = 0;
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw != null) {
            bits = raw.getColorModel().getPixelSize();
        }
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types.hasNext()) {
            bits = Math.max(bits, types.next().getColorModel().getPixelSize());
        }
        return Math.max(bits, 8);
    }

    private static String megapixels(long pixels) {
        double mp = pixels / 1_000_000.0;
        return mp == Math.rint(mp) ? String.valueOf((long) mp) : String.format(Locale.ROOT, "%.1f", mp);
    }

    private static String mb(long bytes) {
        return Math.round(bytes / 1048576.0) + " MB";
    }
}
