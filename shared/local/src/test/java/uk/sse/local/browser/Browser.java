package uk.sse.local.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import uk.sse.local.LocalSystem;

/**
 * What the browser journeys share in one test JVM: one local stack (real engines, demo data) and one headless Debian
 * chromium driven by Selenium. Both start on first use and stop when the JVM does. Without chromium and its driver the
 * journeys fail, saying what to install: they never pass without a browser.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("sse.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("sse.chromedriver", "/usr/bin/chromedriver");

    private static LocalSystem stack;
    private static ChromeDriver driver;

    private Browser() {}

    static synchronized LocalSystem stack() {
        if (stack == null) {
            stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.close(), "sse-browser-stack-stop"));
        }
        return stack;
    }

    static synchronized ChromeDriver driver() {
        if (driver == null) {
            if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
                throw new IllegalStateException(
                        "The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                                + CHROMEDRIVER
                                + "): install them with `apt-get install -y chromium chromium-driver` (.ci/run does), "
                                + "or point -Dsse.chromium and -Dsse.chromedriver at a Chromium and its matching driver.");
            }
            try {
                Path profile = Files.createTempDirectory("sse-chromium-");
                ChromeOptions options = new ChromeOptions()
                        .setBinary(CHROMIUM)
                        .addArguments(
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--no-default-browser-check",
                                "--hide-scrollbars",
                                "--window-size=1280,900",
                                "--user-data-dir=" + profile);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .build();
                driver = new ChromeDriver(service, options);
                driver.manage()
                        .timeouts()
                        .pageLoadTimeout(Duration.ofSeconds(60))
                        .scriptTimeout(Duration.ofSeconds(60));
                ChromeDriver started = driver;
                Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "sse-browser-stop"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return driver;
    }
}
