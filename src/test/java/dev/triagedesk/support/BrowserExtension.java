package dev.triagedesk.support;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Starts headless Chromium ({@link Browser#start()}) once per test class and quits it after the class: starting
 * it is the slow part of a browser test. Before each test the browser gets a fresh tab (sessionStorage and the
 * scripts a test adds over CDP belong to the tab) and loses every cookie (the staff session). Use it through
 * {@link BrowserTest}.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** The class's browser; the store quits it (close) when the class is done. */
    private record RunningBrowser(ChromeDriver driver) implements AutoCloseable {

        @Override
        public void close() {
            driver.quit();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // started here rather than on first use, so that a machine without Chromium skips the class before Spring
        // starts an application for it
        context.getStore(NAMESPACE).computeIfAbsent(RunningBrowser.class,
                type -> new RunningBrowser((ChromeDriver) Browser.start()), RunningBrowser.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ChromeDriver driver = driver(context);
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        // every cookie of every site, not only those of the page open now (which is all WebDriver's own call clears)
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WebDriver.class || type == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return driver(context);
    }

    private static ChromeDriver driver(ExtensionContext context) {
        // the store of a test's context reads through to its class's
        return context.getStore(NAMESPACE).get(RunningBrowser.class, RunningBrowser.class).driver();
    }
}
