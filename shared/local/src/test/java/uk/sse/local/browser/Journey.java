package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.sse.local.LocalSystem;

/**
 * A person's journey in the browser against the local stack. Every page it passes is checked as it is met: axe-core
 * finds no violation, nothing scrolls sideways at 320 px, no page shows a stack trace, a JSON body or a raw id where a
 * name belongs; and it is photographed at 375 and 1280 px (target/screenshots).
 */
abstract class Journey {

    /** A journey that fails leaves the page it failed on: its picture and its HTML. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher keepTheFailedPage =
            new org.junit.jupiter.api.extension.TestWatcher() {
                @Override
                public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                    if (browser == null) {
                        return;
                    }
                    try {
                        Path dir = SCREENSHOTS.resolve(journey);
                        Files.createDirectories(dir);
                        desktop();
                        Files.write(dir.resolve("failed.png"), browser.getScreenshotAs(OutputType.BYTES));
                        Files.writeString(
                                dir.resolve("failed.html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
                    } catch (IOException | RuntimeException e) {
                        cause.addSuppressed(e);
                    }
                }
            };

    static final Path SCREENSHOTS = Path.of(System.getProperty("sse.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(30);

    LocalSystem stack;
    ChromeDriver browser;
    String journey;
    int pageNumber;
    boolean scripts = true;

    @BeforeEach
    void begin(TestInfo test) {
        stack = Browser.stack();
        browser = Browser.driver();
        journey = getClass().getSimpleName().replace("Test", "") + "-"
                + test.getTestMethod().orElseThrow().getName();
        pageNumber = 0;
        clear(SCREENSHOTS.resolve(journey));
        javaScript(true);
        browser.manage().deleteAllCookies();
        desktop();
    }

    /** Turns the page's scripts on or off for what follows (the browser's own setting, as a person would). */
    void javaScript(boolean on) {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
        scripts = on;
    }

    void open(String path) {
        browser.get(stack.url() + path);
    }

    /** Signs in on the local run's demo page as the demo person with that key, and lands on the home page. */
    void signIn(String person) {
        open("/sign-in");
        browser.findElement(By.cssSelector("input[name=person][value='" + person + "']"))
                .click();
        go(browser.findElement(By.cssSelector("form[action='/sign-in'] button")));
        waitFor(ExpectedConditions.titleContains("Home"));
    }

    WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String name, String value) {
        browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .click();
    }

    /** Opens the details (a GOV.UK details component) that hold the element, if it is closed. */
    void openDetailsOf(String css) {
        WebElement details = browser.findElement(By.cssSelector(css)).findElement(By.xpath("ancestor::details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    /** Continues from the request form with nothing entered: each question says what it needs. */
    void continueTheRequestFormEmpty() {
        press("Continue");
        assertThat(errors()).containsKeys("need", "areasOfSupport", "urgency", "daysWanted", "wantedBy-day", "credits");
        assertThat(fieldError("need")).isEqualTo("Enter what the school needs");
    }

    /** Answers the request form's questions: the need, one area of support, the urgency, days wanted by a date, credits. */
    void fillInTheRequestForm(String need, String areaOfSupport, String urgency, int days, LocalDate by, long credits) {
        type("need", need);
        openDetailsOf("input[name=areasOfSupport][value='" + areaOfSupport + "']");
        choose("areasOfSupport", areaOfSupport);
        choose("urgency", urgency);
        type("daysWanted", Integer.toString(days));
        type("wantedBy-day", Integer.toString(by.getDayOfMonth()));
        type("wantedBy-month", Integer.toString(by.getMonthValue()));
        type("wantedBy-year", Integer.toString(by.getYear()));
        type("credits", Long.toString(credits));
    }

    void select(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    /** Clicks the button or link (a link styled as a button too) whose text starts with {@code text}. */
    void press(String text) {
        List<WebElement> found = browser.findElements(By.xpath("//button[starts-with(normalize-space(.), \"" + text
                + "\")]" + " | //a[starts-with(normalize-space(.), \"" + text + "\")]"));
        assertThat(found)
                .as("a button or link '" + text + "' on " + browser.getCurrentUrl())
                .isNotEmpty();
        go(found.get(0));
    }

    /** Follows the link whose text is {@code text}. */
    void follow(String text) {
        go(browser.findElement(By.linkText(text)));
    }

    /** Clicks what leads to another page, and waits until that page has loaded. */
    void go(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        waitFor(d -> isGone(page));
        waitFor(d -> "complete"
                .equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the element has left the document. Chromium sometimes answers a question about the old page's node, mid
     * navigation, with "Node with given id does not belong to the document" as an unknown error rather than a stale
     * element; that means gone too (CI failed once on it in RegistrarJourneyTest).
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The error summary's messages, each linking to the field it is about (its id). */
    Map<String, String> errors() {
        return browser.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .collect(Collectors.toMap(
                        a -> a.getAttribute("href").replaceFirst(".*#", ""),
                        WebElement::getText,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** The inline message shown above a field. */
    String fieldError(String id) {
        return byId(id + "-error").getText().replaceFirst("^Error:\\s*", "");
    }

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, ?> condition) {
        new WebDriverWait(browser, WAIT).until(condition);
    }

    void waitForText(String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /**
     * The page as a person meets it: accessible (axe-core, every rule), no horizontal scrolling at 320 px, nothing
     * internal shown; photographed at 375 and 1280 px.
     */
    /** An import job's page, which reloads itself while the import runs, once it says the import is done. */
    void waitForImportDone() {
        waitFor(d -> {
            try {
                return d.findElement(By.id("status")).getText().equals("Done");
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        });
    }

    void check(String name) {
        String body = text();
        assertThat(body)
                .as("no stack trace, JSON or raw problem on " + name)
                .doesNotContain("Exception", "\"type\":", "\"status\":", "at uk.sse", "problem+json");
        assertThat(body)
                .as("no brokerage, offer or provider ids where names belong on " + name)
                .doesNotContainPattern("\\b(off|prv)_[0-9A-Z]{10,}");
        phone(320);
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue())
                .as(name + " scrolls sideways at 320 px")
                .isLessThanOrEqualTo(0);
        phone(375);
        screenshot(name, 375);
        desktop();
        screenshot(name, 1280);
        // axe-core runs as an async script: with the page's scripts off each analysis took about its 30 s script
        // timeout
        // (pages 31 s apart against 3 s with scripts on), so scripts run for it alone; the page's own ran, or not, at
        // load
        if (!scripts) {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
        Results axe;
        try {
            axe = new AxeBuilder().analyze(browser);
        } finally {
            if (!scripts) {
                browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            }
        }
        assertThat(axe.getViolations())
                .as(name + ": " + describe(axe.getViolations()))
                .isEmpty();
    }

    private static void clear(Path dir) {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A phone's screen: {@code width} CSS pixels wide, touch, as a phone's browser lays the page out. */
    void phone(int width) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    void desktop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    void screenshot(String name, int width) {
        try {
            Path file =
                    SCREENSHOTS.resolve(journey).resolve(String.format("%02d-%s-%d.png", ++pageNumber, name, width));
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /**
     * The notice that says {@code title} and links to {@code href}, once the notifier has read its event from the stream
     * (the Notifications page reloaded until then).
     */
    protected WebElement awaitNotice(String href, String title) {
        return awaitNotice(href, title, Duration.ofSeconds(60));
    }

    protected WebElement awaitNotice(String href, String title, Duration wait) {
        Instant until = Instant.now().plus(wait);
        while (true) {
            open("/notifications");
            List<WebElement> found =
                    browser.findElements(By.cssSelector("#notifications a[href='" + href + "']")).stream()
                            .filter(a -> a.getText().equals(title))
                            .toList();
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no notice \"" + title + "\" linking to " + href + " on " + text());
            }
            pause();
        }
    }

    protected static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
