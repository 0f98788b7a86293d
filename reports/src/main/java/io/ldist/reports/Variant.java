package io.ldist.reports;

/**
 * What a comparison compares: a policy on a scenario, at one value of the swept parameter (if any). Its series
 * (the policy, and the scenario when several share a policy name) keeps one colour across a sweep's values; its
 * label (the series and the value) names it in tables.
 */
public record Variant(String scenario, String policy, String value, String series, String label) {

    public boolean holds(ResultsTable.Row row) {
        return row.scenario().equals(scenario) && row.policy().equals(policy) && row.value().equals(value);
    }
}
