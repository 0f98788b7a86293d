package io.ldist.reports;

import java.util.Optional;

/**
 * The report's lines about how its results were made: a short line under the title (command and version), and
 * the whole record at the end (every override and input hash), or a plain note when the results folder holds
 * none (written by an ldist before provenance was recorded).
 */
final class ProvenanceSection {
    private final Optional<Provenance> provenance;

    ProvenanceSection(Optional<Provenance> provenance) {
        this.provenance = provenance;
    }

    /** One line for the header: what made these results. */
    String header() {
        if (provenance.isEmpty()) {
            return "<p class=\"provenance\">How these results were made was not recorded (no "
                    + Provenance.FILE + " beside results.csv: an earlier ldist wrote them).</p>\n";
        }
        Provenance p = provenance.get();
        return "<p class=\"provenance\">Made by <code>ldist " + Html.escape(p.commandLine()) + "</code> with ldist "
                + Html.escape(p.ldistVersion()) + " (commit <code>" + Html.escape(shortCommit(p.commit()))
                + "</code>); the inputs' hashes are at the end.</p>\n";
    }

    /** The full record, for the end of the page. */
    String footer() {
        StringBuilder html = new StringBuilder("<h2>Provenance</h2>\n");
        if (provenance.isEmpty()) {
            return html.append(header()).toString();
        }
        Provenance p = provenance.get();
        html.append("<dl class=\"provenance\">\n<dt>command</dt><dd><code>ldist ").append(Html.escape(p.commandLine()))
                .append("</code></dd>\n<dt>overrides (<code>--set</code>)</dt><dd>")
                .append(p.sets().isEmpty() ? "none" : String.join(", ", p.sets().stream()
                        .map(set -> "<code>" + Html.escape(set) + "</code>").toList()))
                .append("</dd>\n<dt>ldist</dt><dd>").append(Html.escape(p.ldistVersion())).append(", commit <code>")
                .append(Html.escape(p.commit())).append("</code></dd>\n</dl>\n");
        html.append("<table class=\"inputs\">\n<thead><tr><th class=\"policy\">input</th><th class=\"policy\">path"
                + "</th><th class=\"policy\">SHA-256</th></tr></thead>\n<tbody>\n");
        for (Provenance.Input input : p.inputs()) {
            html.append("<tr><td class=\"policy\">").append(Html.escape(input.kind())).append("</td><td class=\"path\">")
                    .append(Html.escape(input.path())).append("</td><td class=\"hash\"><code>")
                    .append(Html.escape(input.sha256())).append("</code></td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n<p>A folder's hash is the SHA-256 of its files' relative paths and "
                + "hashes, in sorted order; the same record is in <a href=\"" + Provenance.FILE + "\">"
                + Provenance.FILE + "</a>.</p>\n").toString();
    }

    private static String shortCommit(String commit) {
        return commit.matches("[0-9a-f]{40}.*") ? commit.substring(0, 12) + commit.substring(40) : commit;
    }
}
