package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** A screenshot's size is judged by the pixels its header declares, before anything is decoded. */
class ScreenshotDecodingTests {

    private final ScreenshotDecoding decoding = new ScreenshotDecoding(40_000_000L, 2);

    private String refusal(byte[] image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return decoding.refusal(reader);
            } finally {
                reader.dispose();
            }
        }
    }

    @Test
    void aTinyPngDeclaringHugePixelsIsRefusedFromItsHeader() throws IOException {
        byte[] png = HostileImages.png16(7000, 7000);
        assertThat(png.length).isLessThan(100);
        assertThat(refusal(png)).isEqualTo("the image is too large: 7000×7000 pixels (49 megapixels), more than the"
                + " 40 megapixels a screenshot may have");
    }

    @Test
    void deepPixelsCountForTheMemoryTheyTake() throws IOException {
        // 25 megapixels, within the limit, but 16 bits per channel: 191 MB decoded, more than 40 MP of 8-bit RGBA
        assertThat(refusal(HostileImages.png16(5000, 5000))).isEqualTo("the image is too large: 5000×5000 pixels of"
                + " 64 bits would take 191 MB of memory to read, more than the 153 MB a screenshot may take"
                + " (40 megapixels of 8 bits per channel); save it with 8 bits per channel");
        assertThat(refusal(HostileImages.png16(3000, 3000))).isNull();
    }

    @Test
    void aJpegIsJudgedByItsFrameHeader() throws IOException {
        assertThat(refusal(HostileImages.jpegDeclaring(20000, 20000))).startsWith("the image is too large:"
                + " 20000×20000 pixels (400 megapixels)");
        assertThat(refusal(HostileImages.image("jpg", 1920, 1080))).isNull();
        assertThat(refusal(HostileImages.image("png", 2560, 1440))).isNull();
    }

    @Test
    void onlyAFewImagesAreDecodedAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread t = new Thread(() -> {
                try {
                    decoding.oneOfFew(() -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        twoIn.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return null;
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(inside.get()).isEqualTo(2);
        release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(inside.get()).isZero();
    }
}
