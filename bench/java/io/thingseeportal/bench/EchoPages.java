package io.thingseeportal.bench;

import io.thingseeportal.Browser;
import io.thingseeportal.RunningDemo;
import io.thingseeportal.bench.EchoPublisher.Published;
import io.thingseeportal.bench.ScreenLatency.Result;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The watched devices' pages in one headless Chromium, each in a tab of its own (background tabs not throttled) and a
 * session of its own ({@link #addresses}). A
 * MutationObserver on each page reads its commands grid ({@code #device-commands}) and logs, with {@code Date.now()}, every change
 * of what its rows show: per row the command's values (among them its marker, the measurement interval it asked)
 * and the state badge's {@code data-state}. An echo is on screen when its command's row shows CONFIRMED. Each page
 * also notes when each push message arrives over its WebSocket, so that an echo's time after its match splits into the
 * portal's (to the push message that showed it) and the browser's.
 */
final class EchoPages implements AutoCloseable {

    /** The rows of a page's grid at a moment: marker to state. */
    record Rows(long millis, Map<Integer, String> states) {}

    /** What a page logged since the last {@link #take}: its rows, and when each push message arrived. */
    record Log(List<Rows> rows, long[] frames) {}

    private static final String ACCOUNT = "acme-viewer";
    /** A number as the page shows it in en-GB: 1000 as "1,000". */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)");

    // The observer watches the whole page and finds the grid again at each change: when Flow resynchronizes a page
    // (it asks for the whole UI again after a push message went missing) it builds new elements, and an observer on
    // the old grid would see nothing more for the rest of the run.
    private static final String OBSERVE = "window.__rows = []; let last = '';"
            + " const snap = () => { const grid = document.getElementById('device-commands');"
            + "  if (!grid || !grid.shadowRoot) return; const rows = [];"
            + "  for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {"
            + "   if (tr.hidden) continue; const cells = [...tr.querySelectorAll('td')].map(td => {"
            + "    const slot = td.querySelector('slot'); return slot ? slot.assignedElements()[0] : null; });"
            + "   const badge = cells[2] && cells[2].querySelector('.command-state');"
            + "   if (badge && cells[4]) rows.push(cells[4].textContent + '=' + badge.dataset.state); }"
            + "  const text = rows.join('|'); if (text !== last) { last = text;"
            + "   window.__rows.push([Date.now(), text]); } };"
            + " new MutationObserver(snap).observe(document.body, {childList: true, subtree: true,"
            + "  attributes: true, characterData: true}); snap(); return last;";

    // Notes, with Date.now(), when each message of the portal arrives over the page's WebSocket (server push), before
    // Flow's client reads it: the time from a match to its push message is the portal's, the rest the browser's.
    private static final String FRAMES = "window.__frames = []; const Socket = window.WebSocket;"
            + " window.WebSocket = class extends Socket { constructor(...args) { super(...args);"
            + "  this.addEventListener('message', () => window.__frames.push(Date.now())); } };";

    private final ChromeDriver browser;
    private final Map<String, Integer> tabs = new LinkedHashMap<>();

    private EchoPages(ChromeDriver browser) {
        this.browser = browser;
    }

    /**
     * The portal's addresses the pages use, one per page: each page is a person of their own, with a session of its
     * own (cookies are kept per host), as people watching their devices would be. Pages of one session would wait
     * for each other: Vaadin runs one session's work one piece at a time, whichever of its pages it is for.
     */
    static List<String> addresses(int port, int pages) {
        List<String> addresses = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            addresses.add("http://127.0.0." + (page + 2) + ":" + port);
        }
        return addresses;
    }

    /** Signs in as a viewer of acme on each address and opens the devices' pages, each with its observer. */
    static EchoPages open(RunningDemo demo, List<String> tuids) {
        var browser = Browser.start(
                1280,
                900,
                "en-GB",
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        var pages = new EchoPages(browser);
        List<String> addresses = addresses(URI.create(demo.portal()).getPort(), tuids.size());
        for (int i = 0; i < tuids.size(); i++) {
            if (i > 0) {
                browser.switchTo().newWindow(WindowType.TAB);
            }
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FRAMES));
            browser.get(addresses.get(i) + "/devices/" + tuids.get(i));
            // The provider remembers the first sign-in: the later pages come back from it signed in.
            if (i == 0) {
                demo.signIn(browser, ACCOUNT);
            }
            new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("device-commands")));
            if (!browser.getCurrentUrl().startsWith(addresses.get(i))) {
                throw new IllegalStateException("Page " + i + " is at " + browser.getCurrentUrl());
            }
            browser.executeScript(OBSERVE);
            pages.tabs.put(browser.getWindowHandle(), i);
        }
        return pages;
    }

    /** Each page's log since the last call, by watched device; the logs start afresh. */
    @SuppressWarnings("unchecked")
    Map<Integer, Log> take() {
        Map<Integer, Log> logs = new HashMap<>();
        tabs.forEach((tab, device) -> {
            browser.switchTo().window(tab);
            var taken = (Map<String, List<Object>>) browser.executeScript("const taken = {rows: window.__rows,"
                    + " frames: window.__frames}; window.__rows = []; window.__frames = []; return taken;");
            List<Rows> rows = new ArrayList<>();
            for (Object entry : taken.get("rows")) {
                List<Object> row = (List<Object>) entry;
                rows.add(new Rows(((Number) row.get(0)).longValue(), states((String) row.get(1))));
            }
            long[] frames = taken.get("frames").stream()
                    .mapToLong(at -> ((Number) at).longValue())
                    .toArray();
            logs.put(device, new Log(rows, frames));
        });
        return logs;
    }

    /** When the push message arrived that the page showed at {@code shown}: the last one before; null if none. */
    static @Nullable Long pushedAt(long shown, Log log) {
        Long last = null;
        for (long frame : log.frames()) {
            if (frame <= shown) {
                last = frame;
            }
        }
        return last;
    }

    /**
     * Each published echo's latency: the first moment its command's row showed CONFIRMED, less the publish time. An
     * echo whose row never showed it counts as slower than any that did: "superseded late" when the row ended up
     * SUPERSEDED (the device's next command came first), "never" otherwise.
     */
    static Result latencies(List<Published> published, Map<Integer, Log> logs) {
        List<Long> latencies = new ArrayList<>();
        int superseded = 0;
        int never = 0;
        for (Published echo : published) {
            List<Rows> log = rowsOf(logs, echo);
            Long at = confirmedAt(echo, log);
            if (at != null) {
                latencies.add(Math.max(0, at - echo.millis()));
            } else if ("SUPERSEDED".equals(lastState(echo, log))) {
                superseded++;
            } else {
                never++;
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted, published.size(), 0, superseded, never);
    }

    static List<Rows> rowsOf(Map<Integer, Log> logs, Published echo) {
        Log log = logs.get(echo.device());
        return log == null ? List.of() : log.rows();
    }

    /** The first moment the echo's command's row showed CONFIRMED, or null if it never did. */
    static @Nullable Long confirmedAt(Published echo, List<Rows> log) {
        for (Rows rows : log) {
            if ("CONFIRMED".equals(rows.states().get(echo.marker()))) {
                return rows.millis();
            }
        }
        return null;
    }

    private static @Nullable String lastState(Published echo, List<Rows> log) {
        String last = null;
        for (Rows rows : log) {
            String state = rows.states().get(echo.marker());
            if (state != null) {
                last = state;
            }
        }
        return last;
    }

    private static Map<Integer, String> states(String text) {
        Map<Integer, String> states = new HashMap<>();
        if (text.isEmpty()) {
            return states;
        }
        for (String row : text.split("\\|")) {
            int equals = row.lastIndexOf('=');
            // The values in the order the command holds them: the marker is the one that is not the report interval.
            Matcher number = NUMBER.matcher(row.substring(0, equals));
            while (number.find()) {
                int value = Integer.parseInt(number.group(1).replace(",", ""));
                if (value != BulkRounds.REPORT_INTERVAL) {
                    states.put(value, row.substring(equals + 1));
                    break;
                }
            }
        }
        return states;
    }

    @Override
    public void close() {
        browser.quit();
    }
}
