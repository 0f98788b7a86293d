package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.cli.browser.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * "Prints well": three reports (the study's six policies over two days; a planner's fleet-size sweep of a day of
 * tasks in three tiers with wait objectives; a GPU pool's ceiling swept beside its CPU fleet, with the pools'
 * table), laid out as Chromium prints them on A4 and on Letter (portrait, 1 cm
 * margins, not shrunk to fit) and in a 1,400 px window, lose nothing off the right edge: every table, figure and
 * paragraph ends inside the body's content box, the page never scrolls sideways, and every mean keeps its interval
 * on its line. Each is also printed to PDF through Selenium, and the PDFs are left in target/ for a person to look
 * at.
 */
class ReportPrintsTest {
    private static final double MARGIN_CM = 1.0;
    private static final double CSS_PX_PER_CM = 96 / 2.54;
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    /**
     * What runs off the right edge of the layout, each as "tag.class right edge > limit: its first words": the page
     * itself if it scrolls sideways, any block that ends right of the body's content box, and any element that
     * hides or scrolls content wider than itself (print shows neither).
     */
    private static final String OVERFLOWS = """
            (() => {
              const root = document.documentElement, body = document.body, css = getComputedStyle(body);
              const limit = body.getBoundingClientRect().right - parseFloat(css.paddingRight)
                  - parseFloat(css.borderRightWidth);
              const name = e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '');
              const words = e => e.textContent.trim().replace(/\\s+/g, ' ').substring(0, 60);
              const found = [];
              if (root.scrollWidth > root.clientWidth) {
                found.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
              }
              for (const e of body.querySelectorAll('*')) {
                const right = e.getBoundingClientRect().right;
                const block = ['table', 'figure', 'img', 'pre', 'p', 'dl', 'ul', 'ol', 'h1', 'h2', 'h3', 'div',
                    'section', 'main', 'figcaption'].includes(e.tagName.toLowerCase());
                if (block && right > limit + 0.5) {
                  found.push(name(e) + ' right edge ' + Math.round(right) + ' > ' + Math.round(limit) + ': ' + words(e));
                }
                const x = getComputedStyle(e).overflowX;
                if (x !== 'visible' && e.scrollWidth > e.clientWidth + 1) {
                  found.push(name(e) + ' hides ' + (e.scrollWidth - e.clientWidth) + ' px (overflow-x ' + x + '): '
                      + words(e));
                }
              }
              return found;
            })()""";

    @TempDir
    static Path tmp;

    private static Chromium chromium;
    private static final Map<String, Path> REPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void compare() {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: days/d1");
        TestScenarios.traceFolder(tmp.resolve("days/d1"));
        TestScenarios.traceFolder(tmp.resolve("days/d2"));
        REPORTS.put("six-policies", compared("six-policies", scenario.toString(), "--policies",
                "thr-mmt-0.8,iqr-mmt-1.5,mad-mmt-2.5,lr-mmt-1.2,lrr-mmt-1.2,dvfs", "--days", "all"));
        // A planner's report: a fleet-size sweep of a day of tasks in three tiers, against a wait objective (its
        // first 15 hours, the surge included, keep the test short).
        Path sweep = TestScenarios.write(tmp.resolve("max-hosts.yaml"), """
                parameter: policies.scaling.maxHosts
                values: [10, 16]
                """);
        REPORTS.put("tiers-sweep", compared("tiers-sweep",
                TestScenarios.SCENARIOS.resolve("tasks/ec2-day-tiers.yaml").toString(), "--sweep", sweep.toString(),
                "--set", "duration=15h", "--slo", "p95WaitS<=60,tier.gold.p95WaitS<=60"));
        // A mixed fleet's report: the GPU pool's ceiling swept on the first eight hours of a day, with its pools table.
        Path poolSweep = TestScenarios.write(tmp.resolve("gpu-pool.yaml"), """
                parameter: fleet.pools[1].scaling.maxHosts
                values: [4, 8]
                """);
        REPORTS.put("pools-sweep", compared("pools-sweep",
                TestScenarios.SCENARIOS.resolve("tasks/cpu-gpu-pools.yaml").toString(), "--sweep",
                poolSweep.toString(), "--set", "duration=8h", "--slo", "pool.gpu.p95WaitS<=300"));
        chromium = Chromium.start(1400, 900);
    }

    private static Path compared(String name, String... args) {
        Path out = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("compare"));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", out.toString(), "--quiet"));
        CliRun run = CliRun.ldist(command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return out.resolve("report.html");
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    static Stream<Arguments> reportsAndPapers() {
        return Stream.of("six-policies", "tiers-sweep", "pools-sweep").flatMap(report -> Stream.of(
                Arguments.of(report, "A4", PageSize.ISO_A4), Arguments.of(report, "Letter", PageSize.US_LETTER)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("reportsAndPapers")
    void printsWithoutLosingAColumn(String report, String paper, PageSize size) throws Exception {
        int printableWidth = (int) Math.floor((size.getWidth() - 2 * MARGIN_CM) * CSS_PX_PER_CM);
        PrintOptions options = new PrintOptions();
        options.setPageSize(size);
        options.setOrientation(PrintOptions.Orientation.PORTRAIT);
        options.setPageMargin(new PageMargin(MARGIN_CM, MARGIN_CM, MARGIN_CM, MARGIN_CM));
        options.setShrinkToFit(false);
        options.setBackground(true);

        chromium.open(REPORTS.get(report));
        chromium.emulateMedia("print");
        chromium.viewport(printableWidth, 1000);
        List<String> overflows = overflows();
        Object splitValues = chromium.evaluate("Array.from(document.querySelectorAll('td .value'))"
                + ".filter(v => new Set(Array.from(v.getClientRects()).map(r => Math.round(r.top))).size !== 1)"
                + ".map(v => v.textContent)");
        byte[] pdf = chromium.print(options);

        assertThat(printableWidth).isBetween(700, 760);
        assertThat(chromium.tableBodyRows()).isNotEmpty().allSatisfy(rows -> assertThat(rows).isPositive());
        assertThat(overflows).as("%s laid out for print on %s, %d CSS px wide", report, paper, printableWidth)
                .isEmpty();
        assertThat(splitValues).as("means split from their intervals").asList().isEmpty();
        Path saved = Path.of("target", "report-" + report + "-" + paper + ".pdf");
        Files.createDirectories(saved.toAbsolutePath().getParent());
        Files.write(saved, pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pages(pdf)).as("pages of %s", saved).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"six-policies", "tiers-sweep", "pools-sweep"})
    void fitsA1400PixelWindow(String report) {
        chromium.open(REPORTS.get(report));
        chromium.viewport(1400, 900);

        assertThat(chromium.tableBodyRows()).isNotEmpty().allSatisfy(rows -> assertThat(rows).isPositive());
        assertThat(overflows()).as("%s in a 1,400 px window", report).isEmpty();
    }

    @Test
    void theCheckSeesAWideTableAndAHiddenOverflow() throws Exception {
        Path page = tmp.resolve("wide.html");
        Files.writeString(page, "<!DOCTYPE html><html><body style=\"max-width: 600px\"><table><tr>"
                + "<td style=\"white-space: nowrap\">" + "a very long cell ".repeat(20) + "</td></tr></table>"
                + "<div style=\"width: 200px; overflow: hidden; white-space: nowrap\">" + "hidden words ".repeat(30)
                + "</div></body></html>");

        chromium.open(page);
        chromium.viewport(718, 900);

        assertThat(overflows()).anySatisfy(found -> assertThat(found).startsWith("the page scrolls sideways"))
                .anySatisfy(found -> assertThat(found).startsWith("table right edge"))
                .anySatisfy(found -> assertThat(found).startsWith("div hides"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> overflows() {
        return (List<String>) chromium.evaluate(OVERFLOWS);
    }

    private static int pages(byte[] pdf) {
        Matcher page = PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (page.find()) {
            count++;
        }
        return count;
    }
}
