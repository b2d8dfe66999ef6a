package dev.hallpass.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hallpass.PolicyEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the page in headless Chromium from Debian's {@code chromium} and {@code chromium-driver}
 * packages. Missing packages fail the test (CI installs them in {@code .ci/run}); they are never a
 * reason to skip it.
 */
final class PolicyWebAppBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final PolicyEngine ENGINE = PolicyEngine.builder().build();
    /** A Tuesday in term, 10:00 in London: inside working hours, so no 4.7 tip. */
    private static final String TUESDAY_MORNING = "2026-11-24T10:00:00Z";

    private static Path profileDir;
    private static ChromeDriverService service;
    private static WebDriver browser;

    private final HttpClient http = HttpClient.newHttpClient();
    private PolicyWebApp app;

    @BeforeAll
    static void startBrowser() throws IOException {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                fail(p + " is missing: the browser test needs Debian's Chromium and ChromeDriver. Install them with"
                        + " `apt-get update && apt-get install -y chromium chromium-driver` (.ci/run does this in CI).");
            }
        }
        profileDir = Files.createTempDirectory("hallpass-chromium-");
        // An explicit driver and browser path: Selenium Manager never looks anything up or downloads.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // Chromium's own complaints (no D-Bus in a container) go here, not into the test output.
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1200,900",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profileDir);
        }
    }

    @BeforeEach
    void startApp() throws IOException {
        app = PolicyWebApp.start(ENGINE, 0);
        browser.get(app.uri() + "?sentAt=" + TUESDAY_MORNING);
        waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void a_parent_naming_a_child_in_class_chat_sees_the_tip_the_highlighted_name_and_a_private_route_and_cannot_send()
            throws Exception {
        new Select(el("channel")).selectByValue("CLASS_CHAT");
        new Select(el("role")).selectByValue("PARENT");
        String text = "Does anyone know if Amelia left her coat?";

        el("text").sendKeys(text);

        waitUntil(d -> el("tip").getText().contains("policy 4.12"));
        List<WebElement> marks = browser.findElements(By.cssSelector("#highlight .evidence"));
        assertThat(marks).hasSize(1);
        assertThat(marks.get(0).getDomProperty("textContent")).isEqualTo("Amelia");
        assertThat(marks.get(0).getDomAttribute("data-kind")).isEqualTo("CHILD_NAME");
        assertThat(el("highlight").getDomProperty("textContent")).isEqualTo(text);
        WebElement offer = browser.findElement(By.cssSelector("#route button"));
        assertThat(offer.isDisplayed()).isTrue();
        assertThat(offer.getText()).isEqualTo("Send privately instead");
        assertThat(el("send").isEnabled()).isFalse();

        el("send").click(); // disabled: nothing may happen
        assertThat(sentTo("CLASS_CHAT")).doesNotContain("Amelia");
        assertThat(browser.findElements(By.cssSelector("#sent li"))).isEmpty();

        offer.click();

        assertThat(new Select(el("channel")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("PRIVATE_CHAT");
        waitUntil(d -> el("send").isEnabled());
        assertThat(el("tip").getText()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#highlight .evidence"))).isEmpty();
        el("send").click();
        waitUntil(d -> el("sent").getText().contains(text));
        assertThat(sentTo("PRIVATE_CHAT")).contains("Amelia");
        assertThat(sentTo("CLASS_CHAT")).doesNotContain("Amelia");
    }

    @Test
    void a_question_about_the_nativity_is_sent_to_class_chat_and_listed() throws Exception {
        String text = "What time does the nativity start?";

        el("text").sendKeys(text);

        waitUntil(d -> el("send").isEnabled());
        assertThat(el("tip").getText()).isEmpty();
        assertThat(el("route").isDisplayed()).isFalse();
        el("send").click();
        waitUntil(d -> el("sent").getText().contains(text));
        assertThat(el("status").getText()).isEqualTo("Sent.");
        assertThat(el("text").getDomProperty("value")).isEmpty();
        assertThat(sentTo("CLASS_CHAT")).contains(text);
    }

    @Test
    void a_sickness_report_offers_the_office_phone_number_from_the_tip() {
        new Select(el("channel")).selectByValue("PRIVATE_CHAT");

        el("text").sendKeys("Amelia is off sick today with a temperature");

        waitUntil(d -> el("tip").getText().contains("policy 5.4"));
        WebElement phone = browser.findElement(By.cssSelector("#route a.phone"));
        assertThat(phone.getText()).isEqualTo("01632 960000");
        assertThat(phone.getDomAttribute("href")).isEqualTo("tel:01632960000");
        assertThat(el("send").isEnabled()).isFalse();
    }

    private WebElement el(String id) {
        return browser.findElement(By.id(id));
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private String sentTo(String channel) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(app.uri().resolve("/messages?channel=" + channel)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Best effort: a browser that is slow to exit may still be writing to its profile. */
    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the browser profile " + dir + ": " + e);
        }
    }
}
