package dev.triagedesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The README's pictures, taken by the browser tests where they reach a page worth showing. Only when asked for
 * ({@code -Dtriage.screenshots=docs} or {@code TRIAGE_SCREENSHOTS=docs}, the folder to write into), so that an
 * ordinary run leaves the working tree as it was.
 */
public final class Screenshots {

    /** The same for every picture, so that they line up in the README and a new run gives the same frame. */
    static final Dimension WINDOW = new Dimension(1280, 1400);

    private Screenshots() {
    }

    /** Writes {@code name}.png of the page as it is now into the folder asked for; nothing when none was. */
    public static void take(WebDriver browser, String name) {
        String folder = System.getProperty("triage.screenshots", System.getenv("TRIAGE_SCREENSHOTS"));
        if (folder == null || folder.isBlank()) {
            return;
        }
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(WINDOW);
        try {
            Path file = Path.of(folder, name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
