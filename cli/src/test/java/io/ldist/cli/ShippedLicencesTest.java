package io.ldist.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing GPL-only ships: every library the shaded jar bundles (the cli module's compile and runtime
 * dependencies, listed with their licences by the build's license-maven-plugin into
 * target/licences/BUNDLED-LICENCES.txt) offers at least one licence that is not a strong copyleft. The LGPL and
 * the GPL with the Classpath Exception are allowed (JFreeChart, the Jakarta APIs); a library without a declared
 * licence fails too, to be looked at. JFreeSVG (GPL-3.0 only) was once bundled this way.
 */
class ShippedLicencesTest {
    private static final Path LIST = Path.of("target", "licences", "BUNDLED-LICENCES.txt");
    /** The end of a line of the list: "... Name (group:artifact:version - url)". */
    private static final Pattern ID = Pattern.compile(".* \\(([^ ()]+:[^ ()]+:[^ ()]+) - [^()]*\\)$");

    /** The licences a line starts with, each in parentheses that may nest: "(GNU General Public License (GPL))". */
    static List<String> licences(String line) {
        List<String> licences = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : line.strip().toCharArray()) {
            if (depth == 0 && c == ' ') {
                continue;
            }
            if (depth == 0 && c != '(') {
                break; // the library's name begins
            }
            if (c == '(' && depth++ == 0) {
                continue;
            }
            if (c == ')' && --depth == 0) {
                licences.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return licences;
    }

    /** Whether a licence, as a POM names it, is a strong copyleft: the GPL or AGPL without an exception. */
    static boolean strongCopyleft(String licence) {
        String name = licence.toLowerCase(java.util.Locale.ROOT);
        boolean gpl = name.matches(".*\\b(a?gpl|agpl)[-\\s]?v?\\d?.*") || name.contains("general public licen");
        boolean weakened = name.contains("lesser") || name.contains("lgpl") || name.contains("library general")
                || name.contains("classpath") || name.contains("cpe") || name.contains("exception");
        return gpl && !weakened;
    }

    static boolean acceptable(List<String> licences) {
        return licences.stream().anyMatch(licence -> !licence.isBlank() && !strongCopyleft(licence)
                && !licence.toLowerCase(java.util.Locale.ROOT).contains("unknown"));
    }

    @Test
    void licencesAreReadWithTheirNestedParentheses() {
        assertThat(licences("     (GNU General Public License (GPL)) JFreeSVG (org.jfree:org.jfree.svg:5.0.7 - "
                + "http://www.jfree.org/jfreesvg)")).containsExactly("GNU General Public License (GPL)");
        assertThat(licences("     (EPL 2.0) (GPL2 w/ CPE) Jakarta Servlet (jakarta.servlet:jakarta.servlet-api:6.0.0 - "
                + "https://projects.eclipse.org)")).containsExactly("EPL 2.0", "GPL2 w/ CPE");
    }

    @Test
    void theClassifierTellsCopyleftFromItsWeakenedForms() {
        assertThat(acceptable(List.of("GNU General Public License, version 3 (GPL-3.0)"))).isFalse();
        assertThat(acceptable(List.of("GPLv3"))).isFalse();
        assertThat(acceptable(List.of("GNU Affero General Public License v3"))).isFalse();
        assertThat(acceptable(List.of("Unknown license"))).isFalse();
        assertThat(acceptable(List.of("GNU Lesser General Public Licence"))).isTrue();
        assertThat(acceptable(List.of("EPL 2.0", "GPL2 w/ CPE"))).isTrue();
        assertThat(acceptable(List.of("GPL2 w/ CPE"))).isTrue();
        assertThat(acceptable(List.of("GPL-3.0", "Apache-2.0"))).isTrue(); // dual: the Apache licence applies
        assertThat(acceptable(List.of("The Apache Software License, Version 2.0"))).isTrue();
        assertThat(acceptable(List.of("BSD-3-Clause"))).isTrue();
    }

    @Test
    void everyBundledLibraryOffersALicenceThatIsNotGplOnly() throws IOException {
        assertThat(LIST).as("the build writes the bundled libraries' licences (cli/pom.xml)").exists();
        List<String> libraries = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String line : Files.readAllLines(LIST)) {
            if (!line.startsWith(" ") || line.isBlank()) {
                continue; // the heading
            }
            Matcher id = ID.matcher(line);
            assertThat(id.matches()).as("a line of the list read as (licences) name (id - url): %s", line).isTrue();
            List<String> licences = licences(line);
            libraries.add(id.group(1));
            if (!acceptable(licences)) {
                refused.add(id.group(1) + " " + licences);
            }
        }
        assertThat(refused).as("bundled libraries whose only licences are GPL-only or unknown").isEmpty();
        // The jar bundles Jackson, picocli, Javalin, the AWS SDK, commons-math3, jsprit, JFreeChart, Batik, ...
        assertThat(libraries).hasSizeGreaterThan(50).anyMatch(id -> id.startsWith("org.jfree:jfreechart:"))
                .anyMatch(id -> id.startsWith("software.amazon.awssdk:ec2:"));
    }
}
