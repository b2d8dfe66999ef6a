package dev.hallpass.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
    /**
     * The browser's own timezone, far from the school's: 10:15 on a Tuesday here is 21:15 on Monday in
     * London, so a page that read the clock in the browser's timezone would get 4.7 where the school
     * would not.
     */
    private static final String BROWSER_TIMEZONE = "Pacific/Auckland";
    private static final String AMELIA = "Does anyone know if Amelia left her coat?";
    private static final String NATIVITY = "What time does the nativity start?";
    private static final String INVITATION = "Thank you for the party invitation, Amelia would love to come.";
    private static final String INVITATION_REWRITTEN = "Thank you for the party invitation, my child would love to come.";
    private static final Dimension WIDE = new Dimension(1200, 900);

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
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", BROWSER_TIMEZONE));
        browser = chrome;
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
        browser.manage().window().setSize(WIDE);
        app = PolicyWebApp.start(ENGINE, 0);
        open("?sentAt=" + TUESDAY_MORNING);
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    private void open(String query) {
        browser.get(app.uri() + query);
        waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @Test
    void a_parent_naming_a_child_in_class_chat_sees_the_tip_the_highlighted_name_and_a_private_route_and_cannot_send()
            throws Exception {
        new Select(el("channel")).selectByValue("CLASS_CHAT");
        new Select(el("role")).selectByValue("PARENT");
        String text = "Does anyone know if Amelia left her coat?";

        el("text").sendKeys(text);

        waitUntil(d -> el("summary").getText().contains("policy 4.12"));
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
        assertThat(el("summary").isDisplayed()).isFalse();
        assertThat(el("reasons").isDisplayed()).isFalse();
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
        assertThat(el("summary").isDisplayed()).isFalse();
        assertThat(el("reasons").isDisplayed()).isFalse();
        assertThat(el("rewrite").isDisplayed()).isFalse();
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

        waitUntil(d -> el("summary").getText().contains("policy 5.4"));
        WebElement phone = browser.findElement(By.cssSelector("#route a.phone"));
        assertThat(phone.getText()).isEqualTo("01632 960000");
        assertThat(phone.getDomAttribute("href")).isEqualTo("tel:01632960000");
        assertThat(el("send").isEnabled()).isFalse();
    }


    @Test
    void the_summary_shows_first_and_the_reasons_are_listed_under_it_collapsed() {
        el("text").sendKeys(AMELIA);

        waitUntil(d -> el("summary").isDisplayed());
        WebElement summary = el("summary");
        assertThat(summary.getText()).startsWith("Please send this to the class teacher in a private chat instead.")
                .doesNotContain("Amelia");
        assertThat(summary.getDomAttribute("class")).isEqualTo("REDIRECT");
        assertThat(el("tip").getDomAttribute("aria-live")).isEqualTo("polite");
        WebElement reasons = el("reasons");
        assertThat(reasons.getTagName()).isEqualTo("details");
        assertThat(((Number) js("return arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING;",
                summary, reasons)).intValue()).as("the reasons come after the summary").isPositive();
        assertThat(reasons.isDisplayed()).isTrue();
        assertThat(reasons.getDomProperty("open")).isEqualTo("false");
        WebElement reason = browser.findElement(By.cssSelector("#reason-list li[data-clause='4.12']"));
        assertThat(reason.isDisplayed()).as("collapsed").isFalse();
        assertThat(el("reasons-heading").getText()).isEqualTo("Why: 1 reason");
        assertThat(browser.findElements(By.cssSelector("#highlight .evidence")))
                .extracting(m -> m.getDomProperty("textContent")).containsExactly("Amelia");

        el("reasons-heading").click();

        assertThat(reasons.getDomProperty("open")).isEqualTo("true");
        assertThat(reason.isDisplayed()).isTrue();
        assertThat(reason.findElement(By.className("clause")).getText()).isEqualTo("Policy 4.12");
        assertThat(reason.findElement(By.className("message")).getText()).contains("(policy 4.12)").doesNotContain("Amelia");
    }

    @Test
    void post_without_the_name_puts_the_rewrite_in_the_draft_box_checks_it_again_and_sends_only_when_pressed()
            throws Exception {
        el("text").sendKeys(INVITATION);
        waitUntil(d -> el("rewrite").isDisplayed());
        WebElement offer = el("rewrite-offer");
        assertThat(offer.getText()).isEqualTo("Post without the name");
        assertThat(el("rewrite-preview").getText()).isEqualTo("It would read: " + INVITATION_REWRITTEN);
        assertThat(el("send").isEnabled()).isFalse();

        offer.click();

        assertThat(el("text").getDomProperty("value")).isEqualTo(INVITATION_REWRITTEN);
        waitUntil(d -> el("send").isEnabled());
        assertThat(el("status").getText()).isEqualTo("Ready to send.");
        assertThat(el("summary").isDisplayed()).isFalse();
        assertThat(el("rewrite").isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#highlight .evidence"))).isEmpty();
        assertThat(sentTo("CLASS_CHAT")).as("nothing is posted before the sender presses Send").doesNotContain("my child");
        assertThat(new Select(el("channel")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("CLASS_CHAT");

        el("send").click();

        waitUntil(d -> el("sent").getText().contains(INVITATION_REWRITTEN));
        assertThat(sentTo("CLASS_CHAT")).contains("my child").doesNotContain("Amelia");
    }

    @Test
    void the_highlight_lines_up_with_the_name_in_the_text_box_at_390_px() {
        highlightLinesUpAt(new Dimension(390, 844));
    }

    @Test
    void the_highlight_lines_up_with_the_name_in_the_text_box_at_1200_px() {
        highlightLinesUpAt(WIDE);
    }

    /**
     * Types a long draft in which the child's name is the last word of a wrapped line, then checks the
     * name's mark against where the textarea itself puts those characters: the line from the textarea's
     * own line breaks (its scrollHeight for growing prefixes of the text) and the x position from the
     * textarea's font measured on a canvas. Nothing of the mirror is used for the expected position, so
     * a mirror whose font, padding, border, wrapping or white-space differs from the textarea's fails.
     */
    private void highlightLinesUpAt(Dimension size) {
        browser.manage().window().setSize(size);
        open("?sentAt=" + TUESDAY_MORNING);
        long width = ((Number) js("return document.documentElement.clientWidth;")).longValue();
        assertThat(width).as("the page's width").isBetween(size.getWidth() - 20L, (long) size.getWidth());

        List<String> drafts = new ArrayList<>();
        for (int k = 0; k < FILLER.length; k++) {
            drafts.add(draftWithNameAfter(k));
        }
        Number chosen = (Number) js(LAYOUT + "return chooseDraft(arguments[0], arguments[1], arguments[2]);",
                el("text"), drafts, "Amelia");
        assertThat(chosen.intValue()).as("some draft puts the name at the end of a wrapped line").isNotNegative();
        String text = drafts.get(chosen.intValue());

        el("text").sendKeys(text);

        waitUntil(d -> !d.findElements(By.cssSelector("#highlight mark.evidence[data-kind='CHILD_NAME']")).isEmpty());
        WebElement mark = browser.findElement(By.cssSelector("#highlight mark.evidence[data-kind='CHILD_NAME']"));
        assertThat(mark.getDomProperty("textContent")).isEqualTo("Amelia");
        assertThat(el("text").getDomProperty("value")).isEqualTo(text);
        int start = text.indexOf(" Amelia ") + 1;
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js(LAYOUT + "return measure(arguments[0], arguments[1], arguments[2], arguments[3]);",
                el("text"), mark, start, start + "Amelia".length());

        assertThat(((Number) m.get("line")).intValue()).as("the name is below the first line").isPositive();
        assertThat(m.get("wrapped")).as("the name's line is a wrapped line, not one after a line break").isEqualTo(true);
        assertThat(m.get("lastOnLine")).as("the name is the last word on its line").isEqualTo(true);
        assertThat(((Number) m.get("markRects")).intValue()).as("the name is marked in one piece").isEqualTo(1);
        double lineHeight = num(m, "lineHeight");
        assertThat(num(m, "markLeft")).as("left edge").isCloseTo(num(m, "left"), offset(1.5));
        assertThat(num(m, "markRight")).as("right edge").isCloseTo(num(m, "left") + num(m, "width"), offset(1.5));
        assertThat(num(m, "markMiddle")).as("vertical middle of the name's line")
                .isCloseTo(num(m, "top") + lineHeight / 2, offset(lineHeight / 4));
        assertThat(num(m, "mirrorHeight")).as("the mirror is as tall as the text box").isCloseTo(num(m, "textHeight"),
                offset(0.5));
    }

    @Test
    void the_clock_is_the_schools_tuesday_10_15_allows_a_benign_post_and_19_30_warns_under_4_7() throws Exception {
        open("");
        assertThat(js("return Intl.DateTimeFormat().resolvedOptions().timeZone;")).as("the browser's own timezone").isEqualTo(BROWSER_TIMEZONE);
        assertThat(el("clock-real").isSelected()).as("the clock is 'now' by default").isTrue();
        assertThat(el("clock-now").getText()).startsWith("School time: ").contains("(Europe/London)");
        assertThat(el("sentAt").getDomProperty("value")).isEmpty();

        setClock("2026-11-24T10:15");

        assertThat(el("clock-fixed").isSelected()).isTrue();
        assertThat(el("clock-now").getText()).isEqualTo("School time: Tue 24 Nov 2026, 10:15 (Europe/London) · school hours");
        el("text").sendKeys(NATIVITY);
        waitUntil(d -> el("send").isEnabled() && "Ready to send.".equals(el("status").getText()));
        assertThat(el("summary").isDisplayed()).as("ALLOW: no tip").isFalse();
        el("send").click();
        waitUntil(d -> "Sent.".equals(el("status").getText()));
        assertThat(sentTo("CLASS_CHAT")).contains("\"sentAt\":\"2026-11-24T10:15:00Z\",\"deferred\":false");

        setClock("2026-11-24T19:30");

        assertThat(el("clock-now").getText()).isEqualTo("School time: Tue 24 Nov 2026, 19:30 (Europe/London) · outside school hours");
        el("text").sendKeys(NATIVITY);
        waitUntil(d -> el("summary").isDisplayed());
        assertThat(el("summary").getText()).contains("policy 4.7");
        assertThat(el("summary").getDomAttribute("class")).isEqualTo("WARN");
        assertThat(browser.findElements(By.cssSelector("#reason-list li")))
                .extracting(li -> li.getDomAttribute("data-clause")).containsExactly("4.7");
        waitUntil(d -> el("send").isEnabled());
        el("send").click();
        waitUntil(d -> el("status").getText().startsWith("Sent."));
        assertThat(sentTo("CLASS_CHAT")).contains("\"sentAt\":\"2026-11-24T19:30:00Z\",\"deferred\":true");
    }

    @Test
    void a_clock_set_in_summer_is_converted_from_british_summer_time() throws Exception {
        setClock("2026-06-16T10:15");

        assertThat(el("clock-now").getText()).isEqualTo("School time: Tue 16 Jun 2026, 10:15 (Europe/London) · school hours");
        assertThat(el("sentAt").getDomProperty("value")).isEqualTo("2026-06-16T09:15:00.000Z");
        el("text").sendKeys(NATIVITY);
        waitUntil(d -> el("send").isEnabled() && "Ready to send.".equals(el("status").getText()));
        el("send").click();
        waitUntil(d -> "Sent.".equals(el("status").getText()));
        assertThat(sentTo("CLASS_CHAT")).contains("\"sentAt\":\"2026-06-16T09:15:00Z\"");
    }

    @Test
    void during_school_hours_sets_the_clock_to_a_time_the_school_is_open_and_now_undoes_it() {
        open("");

        el("clock-school-hours").click();

        assertThat(el("clock-fixed").isSelected()).isTrue();
        assertThat(el("clock-now").getText()).endsWith("(Europe/London) · school hours");
        assertThat(el("sentAt").getDomProperty("value")).isNotEmpty();
        el("text").sendKeys(NATIVITY);
        waitUntil(d -> el("send").isEnabled() && "Ready to send.".equals(el("status").getText()));

        el("clock-real").click();

        assertThat(el("clock-real").isSelected()).isTrue();
        assertThat(el("sentAt").getDomProperty("value")).as("drafts follow the real clock again").isEmpty();
    }


    private static final String[] FILLER = ("Thank you all for a wonderful time at the school fair on Saturday afternoon the cakes"
            + " were delicious and the tombola was a great success thanks to everyone who helped out with the stalls the"
            + " raffle and the face painting which the children loved and we raised more money than last year").split(" ");

    /** A long draft over three lines: an opening line, a paragraph with the name after k filler words, and more text. */
    private static String draftWithNameAfter(int k) {
        return "Hello everyone,\n" + String.join(" ", List.of(FILLER).subList(0, k)) + (k == 0 ? "" : " ") + "Amelia"
                + " asked me to say how much she enjoyed the bouncy castle and the music and that she hopes we can"
                + " do it all again next summer when the weather is warmer.\nBest wishes";
    }

    /**
     * The page's layout read from the textarea itself. {@code rows(ta, text, i)} sets the textarea's value
     * to the first i characters and reads how many lines it wraps to (restored by the caller); greedy line
     * breaking means a word's line in a prefix that ends with that word is its line in the whole text.
     */
    private static final String LAYOUT = """
            const isSpace = (c) => c === ' ' || c === '\\n';
            function prober(ta, text) {
              const cs = getComputedStyle(ta);
              const lh = parseFloat(cs.lineHeight);
              const padV = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
              const saved = { value: ta.value, height: ta.style.height, minHeight: ta.style.minHeight, x: scrollX, y: scrollY };
              ta.style.minHeight = '0px';
              ta.style.height = '0px';
              const rows = (i) => { ta.value = text.slice(0, i); return Math.round((ta.scrollHeight - padV) / lh); };
              const wordEnd = (w) => { let i = w; while (i < text.length && !isSpace(text[i])) i++; return i; };
              const lineOfWord = (w) => rows(wordEnd(w)) - 1;
              const restore = () => {
                ta.value = saved.value; ta.style.height = saved.height; ta.style.minHeight = saved.minHeight;
                window.scrollTo(saved.x, saved.y);
              };
              // The first index of the line the word at `start` is on (a word start, or just after a line break).
              function lineStart(start) {
                const line = lineOfWord(start);
                let first = start;
                for (let w = start - 1; w >= 0; w--) {
                  if (text[w] === '\\n') break;
                  if (text[w] === ' ') continue;
                  let ws = w;
                  while (ws > 0 && !isSpace(text[ws - 1])) ws--;
                  if (lineOfWord(ws) !== line) break;
                  first = ws;
                  w = ws;
                }
                return first;
              }
              function facts(start, end) {
                const line = lineOfWord(start);
                const first = lineStart(start);
                const next = end + 1 < text.length ? lineOfWord(end + 1) : line;
                return { line, first, wrapped: first > 0 && text[first - 1] === ' ', lastOnLine: next === line + 1 };
              }
              return { cs, lh, restore, facts };
            }
            function chooseDraft(ta, drafts, name) {
              for (let k = 0; k < drafts.length; k++) {
                const text = drafts[k];
                const start = text.indexOf(' ' + name + ' ') + 1;
                const p = prober(ta, text);
                try {
                  const f = p.facts(start, start + name.length);
                  if (f.line > 0 && f.wrapped && f.lastOnLine) return k;
                } finally {
                  p.restore();
                }
              }
              return -1;
            }
            function measure(ta, mark, start, end) {
              const text = ta.value;
              const rects = mark.getClientRects();
              const r = rects[0];
              const taRect = ta.getBoundingClientRect();
              const mirrorRect = document.getElementById('highlight').getBoundingClientRect();
              const p = prober(ta, text);
              try {
                const cs = p.cs;
                const f = p.facts(start, end);
                const ctx = document.createElement('canvas').getContext('2d');
                ctx.font = [cs.fontStyle, cs.fontWeight, cs.fontSize, cs.fontFamily].join(' ');
                const x0 = taRect.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
                const y0 = taRect.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop);
                return {
                  line: f.line, wrapped: f.wrapped, lastOnLine: f.lastOnLine, lineHeight: p.lh,
                  left: x0 + ctx.measureText(text.slice(f.first, start)).width,
                  width: ctx.measureText(text.slice(start, end)).width,
                  top: y0 + f.line * p.lh,
                  markRects: rects.length, markLeft: r.left, markRight: r.right, markMiddle: (r.top + r.bottom) / 2,
                  mirrorHeight: mirrorRect.height, textHeight: taRect.height,
                };
              } finally {
                p.restore();
              }
            }
            """;

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** What a user does with the date-and-time picker: a value in the school's time, then "change". */
    private void setClock(String schoolTime) {
        js("const i = arguments[0]; i.value = arguments[1]; i.dispatchEvent(new Event('input', {bubbles: true}));"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", el("clock-at"), schoolTime);
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
