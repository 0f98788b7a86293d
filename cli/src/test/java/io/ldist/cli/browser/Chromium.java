package io.ldist.cli.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

/**
 * Debian's Chromium, headless, driven through Selenium and Debian's chromium-driver. Both binaries are named
 * explicitly (Selenium Manager is then never run, and is told to stay offline should anything call it), and the
 * flags keep Chromium off the network (this machine's is closed) and out of the user's profile.
 */
public final class Chromium implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        // Selenium Manager passes system properties named SE_* on as its environment: no downloads, no statistics.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        // Only DevTools commands sent through chromium-driver are used, never Selenium's own CDP bindings, whose
        // missing version for this Chromium would otherwise be warned about.
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Where Chromium is: the system property {@code ldist.chromium}, or Debian's /usr/bin/chromium. */
    public static Path executable() {
        return Path.of(System.getProperty("ldist.chromium", "/usr/bin/chromium"));
    }

    /** Where chromium-driver is: the system property {@code ldist.chromedriver}, or Debian's /usr/bin/chromedriver. */
    public static Path driverExecutable() {
        return Path.of(System.getProperty("ldist.chromedriver", "/usr/bin/chromedriver"));
    }

    /** Starts Chromium with a window of {@code width} x {@code height} CSS pixels. */
    public static Chromium start(int width, int height) {
        Path binary = executable();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no Chromium at " + binary + ": .ci/run installs it (apt-get install "
                    + "chromium), or name another with -Dldist.chromium=PATH");
        }
        Path driverBinary = driverExecutable();
        if (!Files.isExecutable(driverBinary)) {
            throw new IllegalStateException("no chromedriver at " + driverBinary + ": .ci/run installs it "
                    + "(apt-get install chromium-driver), or name another with -Dldist.chromedriver=PATH");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        "--window-size=" + width + "," + height);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
        return new Chromium(driver);
    }

    /**
     * Opens {@code page} and waits until it has loaded (images included: Selenium's normal page load), laid out in
     * the window as a screen shows it (an earlier page's {@link #viewport} and {@link #emulateMedia} undone).
     */
    public void open(Path page) {
        screenLayout();
        driver.get(page.toAbsolutePath().toUri().toString());
    }

    /** The value of a JavaScript expression (promises awaited); an exception in the page fails the call. */
    public Object evaluate(String expression) {
        return driver.executeScript("return (" + expression + ");");
    }

    public long evaluateLong(String expression) {
        return ((Number) evaluate(expression)).longValue();
    }

    /** Sends one DevTools command through chromium-driver and returns its result. */
    public Map<String, Object> send(String method, Map<String, Object> params) {
        return driver.executeCdpCommand(method, params);
    }

    /** Lays the page out at {@code width} x {@code height} CSS pixels, whatever the window's size. */
    public void viewport(int width, int height) {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** Lays the page out as for {@code media} ("print", "screen"; "" for no emulation). */
    public void emulateMedia(String media) {
        send("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** The sources of images that did not load (broken, or not loaded at all). */
    @SuppressWarnings("unchecked")
    public List<String> brokenImages() {
        return (List<String>) evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
                + ".map(i => i.src.substring(0, 80))");
    }

    /** For each table, in document order, the number of rows in its body. */
    @SuppressWarnings("unchecked")
    public List<Integer> tableBodyRows() {
        List<Number> rows = (List<Number>) evaluate("Array.from(document.querySelectorAll('table'))"
                + ".map(t => t.tBodies.length ? t.tBodies[0].rows.length : 0)");
        return rows.stream().map(Number::intValue).toList();
    }

    /** A PNG of the whole page at {@code width} CSS pixels. */
    public void screenshot(Path png, int width) throws IOException {
        viewport(width, 800);
        viewport(width, (int) evaluateLong("document.documentElement.scrollHeight"));
        byte[] shot = driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, shot);
    }

    /** Undoes {@link #viewport} and {@link #emulateMedia}: the page is laid out in the window, as on a screen. */
    public void screenLayout() {
        send("Emulation.clearDeviceMetricsOverride", Map.of());
        emulateMedia("");
    }

    /** The page printed to PDF as Chromium prints it (on the page size {@code options} give, whatever the layout). */
    public byte[] print(PrintOptions options) {
        screenLayout();
        return Base64.getDecoder().decode(driver.print(options).getContent());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
