package io.ldist.reports;

import io.ldist.reports.stats.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's summary tables: which cells are marked best. */
class SummaryTablesTest {
    private static final Pattern ROW = Pattern.compile("<tr><td class=\"policy\">.*?</tr>");
    private static final Pattern CELL = Pattern.compile("<td( class=\"best\")?>");

    private static String html(ResultsTable results) {
        return new ComparisonReport(results, null, new WilcoxonSignedRankTest()).build(Path.of("."), null).html();
    }

    /** For each policy row of the table under {@code heading}, which value cells are marked best. */
    private static List<List<Boolean>> bestCells(String html, String heading) {
        String table = html.substring(html.indexOf("<h2>" + heading + "</h2>"));
        table = table.substring(0, table.indexOf("</table>"));
        List<List<Boolean>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            List<Boolean> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group());
            cell.find(); // the runs column
            while (cell.find()) {
                cells.add(cell.group(1) != null);
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void onlyMetricsWithABetterDirection_markABest() {
        // b arrives more tasks and has more failovers (neither better nor worse), fewer late tasks (lower is
        // better) and a longer time before a VM migration (higher is better).
        ResultsTable results = new SampleResults()
                .run("a", "-", 1, "tasksArrived", 100, "tasksLate", 9, "failovers", 1, "maxTimeToRecoverS", 30,
                        "migrations", 5, "meanTimeBeforeVmMigrationS", 100)
                .run("b", "-", 1, "tasksArrived", 120, "tasksLate", 4, "failovers", 2, "maxTimeToRecoverS", 40,
                        "migrations", 6, "meanTimeBeforeVmMigrationS", 300)
                .table();

        String html = html(results);

        // Tasks: arrived, late.
        assertThat(bestCells(html, "Tasks")).containsExactly(List.of(false, false), List.of(false, true));
        // Failover: failovers, longest time to recover.
        assertThat(bestCells(html, "Failover")).containsExactly(List.of(false, true), List.of(false, false));
        // Fleet: migrations, mean time before a VM migration.
        assertThat(bestCells(html, "Fleet")).containsExactly(List.of(true, false), List.of(false, true));
        assertThat(html).contains("Tasks that arrived: the workload&#39;s doing. Neither higher nor lower is better, "
                + "so no policy is marked best.", "Live migrations started. Lower is better.");
    }

    @Test
    void equalMeansEverywhere_nothingMarkedBest() {
        ResultsTable results = new SampleResults()
                .run("a", "-", 1, "energyKWh", 10, "tasksLate", 3)
                .run("b", "-", 1, "energyKWh", 10, "tasksLate", 2)
                .table();

        String html = html(results);

        assertThat(bestCells(html, "Energy and cost")).containsExactly(List.of(false), List.of(false));
        assertThat(bestCells(html, "Tasks")).containsExactly(List.of(false), List.of(true));
    }
}
