package io.ldist.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.csv is read by name: what compare wrote reads back as written, columns in another order read the same,
 * and a metric without a column has no value, so the report treats it as not measured.
 */
class ResultsTableTest {
    @TempDir
    Path tmp;

    private Path write(String csv) throws IOException {
        return Files.writeString(tmp.resolve("results.csv"), csv);
    }

    @Test
    void whatIsWritten_readsBackTheSame() throws IOException {
        ResultsTable written = new SampleResults().run("dvfs", "d1", 1, "energyKWh", 1.5, "migrations", 3)
                .run("pabfd", "d1", 1, "energyKWh", 2.25, "migrations", 0).table();

        ResultsTable read = ResultsTable.read(write(written.toCsv()));

        assertThat(read.rows()).isEqualTo(written.rows());
        assertThat(read.metricNames()).containsExactly("energyKWh", "migrations");
    }

    @Test
    void quotedCells_withCommasAndQuotes_readAsWritten_andAQuoteLeftOpenNamesItsLine() throws IOException {
        ResultsTable read = ResultsTable.read(write(
                "format,scenario,policy,parameter,value,day,seed,timeseries,energyKWh\n"
                + "ldist-results-2,\"a, b\",\"\"\"odd\"\" one\",,,d1,1,runs/a.csv,2.5\n"));

        assertThat(read.rows().get(0).scenario()).isEqualTo("a, b");
        assertThat(read.rows().get(0).policy()).isEqualTo("\"odd\" one");
        Path open = write("""
                format,scenario,policy,parameter,value,day,seed,timeseries,energyKWh
                ldist-results-2,s,p,,,d1,1,runs/a.csv,2.5

                ldist-results-2,"s,p,,,d1,2,runs/b.csv,2.5
                """);
        assertThatThrownBy(() -> ResultsTable.read(open)).hasMessage(open + ":4: expected comma-separated values (a "
                + "quoted cell closed on its line), found a quote left open");
    }

    @Test
    void columnsInAnotherOrder_readByName() throws IOException {
        ResultsTable read = ResultsTable.read(write("""
                seed,energyKWh,policy,timeseries,day,value,parameter,scenario,format
                7,1.5,dvfs,runs/a.csv,d1,,,s,ldist-results-2
                """));

        ResultsTable.Row row = read.rows().get(0);
        assertThat(row.policy()).isEqualTo("dvfs");
        assertThat(row.seed()).isEqualTo(7);
        assertThat(row.timeseries()).isEqualTo("runs/a.csv");
        assertThat(row.metric("energyKWh")).isEqualTo(1.5);
    }

    @Test
    void aMetricWithoutAColumn_hasNoValue_andIsNotMeasured() throws IOException {
        ResultsTable read = ResultsTable.read(write("""
                format,scenario,policy,parameter,value,day,seed,timeseries,energyKWh,failovers
                ldist-results-1,s,dvfs,,,d1,1,runs/a.csv,1.5,2
                """));

        assertThat(read.rows().get(0).metric("failoversUnrecovered")).isNaN();
        assertThat(Metrics.measured(read)).extracting(Metric::name).containsExactly("energyKWh", "failovers");
        assertThat(read.notices()).hasSize(1).first().asString()
                .contains("written by an earlier ldist (format ldist-results-1), no column for costUsd,")
                .contains("failoversUnrecovered").endsWith("; the report leaves them out");
    }

    @Test
    void aColumnNamedTwice_refused() throws IOException {
        Path file = write("""
                format,scenario,policy,parameter,value,day,seed,timeseries,energyKWh,energyKWh
                ldist-results-2,s,dvfs,,,d1,1,runs/a.csv,1.5,1.5
                """);

        assertThatThrownBy(() -> ResultsTable.read(file)).isInstanceOf(ResultsTable.FormatException.class)
                .hasMessage(file + ":1: column 'energyKWh' appears twice; the file was edited: run the comparison "
                        + "again");
    }

    @Test
    void rowsOfTwoFormats_refused() throws IOException {
        Path file = write("""
                format,scenario,policy,parameter,value,day,seed,timeseries,energyKWh
                ldist-results-1,s,dvfs,,,d1,1,runs/a.csv,1.5
                ldist-results-2,s,dvfs,,,d1,2,runs/b.csv,1.5
                """);

        assertThatThrownBy(() -> ResultsTable.read(file)).isInstanceOf(ResultsTable.FormatException.class)
                .hasMessage(file + ":3: expected format ldist-results-1 (as on the first run's line), found "
                        + "'ldist-results-2'; the file was edited: run the comparison again");
    }

    @Test
    void aFormatWithTooManyDigitsToCount_isANewerOne() throws IOException {
        Path file = write("""
                format,scenario,policy,parameter,value,day,seed,timeseries
                ldist-results-99999999999999999999,s,dvfs,,,d1,1,runs/a.csv
                """);

        assertThatThrownBy(() -> ResultsTable.read(file)).isInstanceOf(ResultsTable.FormatException.class)
                .hasMessageContaining("was written by a newer ldist");
    }
}
