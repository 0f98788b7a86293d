#!/usr/bin/env bash
# Runs the study's policies on the seven PlanetLab days with ldist and prints the comparison tables of
# docs/fidelity.md against CloudSim 3.0.3's figures (docs/fidelity/cloudsim-3.0.3.csv).
#
#   docs/fidelity/tables.sh [OUT]     (OUT defaults to out/fidelity; its results are replaced)
#
# "Window" energy is ldist's energy between 300 s and 86,100 s, the stretch CloudSim counts; "net" migrations
# are CloudSim's count less the VMs it moves twice in one step (docs/fidelity.md explains both).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-out/fidelity}
reference=docs/fidelity/cloudsim-3.0.3.csv

./ldist compare scenarios/planetlab/{thr-mmt-0.8,iqr-mmt-1.5,mad-mmt-2.5,lr-mmt-1.2,lrr-mmt-1.2,dvfs}.yaml \
    --days all --out "$out" --force --quiet
./ldist compare scenarios/planetlab/{thr,iqr,mad,lr}-{rs,mc,mu}-*.yaml --days 20110303 --out "$out-selectors" \
    --force --quiet

# One line per run: policy, day, window energy (from the run's time series), then results.csv's columns.
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
awk -F, -v out="$out" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        file = out "/" $col["timeseries"]; atStart = ""; atEnd = ""
        while ((getline line < file) > 0) {
            split(line, cell, ",")
            if (cell[1] == "300") atStart = cell[11]
            if (cell[1] == "86100") atEnd = cell[11]
        }
        close(file)
        printf "%s,%s,%.6f,%s,%s,%s,%s,%s\n", $col["policy"], $col["day"], atEnd - atStart, $col["energyKWh"],
            $col["migrations"], $col["slatah"] * 100, $col["pdm"] * 100, $col["hostShutdowns"]
    }' "$out/results.csv" > "$runs"

awk -F, '
    function pct(a, b) { return sprintf("%+.1f %%", (a - b) / b * 100) }
    function thousands(n,   s, r) { s = sprintf("%d", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
    function worse(key, value) { if (!(key in worst) || (value < 0 ? -value : value) > (worst[key] < 0 ? -worst[key] : worst[key])) worst[key] = value }
    FILENAME == ARGV[1] && FNR == 1 { next }
    FILENAME == ARGV[1] {
        k = $2 SUBSEP $1; csE[k] = $3; csM[k] = $4; csD[k] = $5; csS[k] = $6; csP[k] = $7; csH[k] = $8; next
    }
    {
        policy = $1; day = $2; theirs = (policy == "lrr-mmt-1.2" ? "lr-mmt-1.2" : policy); k = theirs SUBSEP day
        if (!(policy in seen)) { seen[policy] = 1; order[++n] = policy }
        rows[policy] = rows[policy] sprintf("| %s | %.1f | %.1f | %s | %s", day, csE[k], $4, pct($4, csE[k]),
            pct($3, csE[k]))
        worse(policy SUBSEP "energy", ($4 - csE[k]) / csE[k] * 100)
        worse(policy SUBSEP "window", ($3 - csE[k]) / csE[k] * 100)
        if (policy != "dvfs") {
            net = csM[k] - csD[k]
            rows[policy] = rows[policy] sprintf(" | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %.4f | %.4f | %s |",
                thousands(csM[k]), thousands(net), thousands($5), pct($5, net), pct($5, csM[k]),
                csS[k], $6, pct($6, csS[k]), csP[k], $7, pct($7, csP[k]))
            worse(policy SUBSEP "net", ($5 - net) / net * 100)
            worse(policy SUBSEP "count", ($5 - csM[k]) / csM[k] * 100)
            worse(policy SUBSEP "slatah", ($6 - csS[k]) / csS[k] * 100)
            worse(policy SUBSEP "pdm", ($7 - csP[k]) / csP[k] * 100)
        } else {
            rows[policy] = rows[policy] " |"
        }
        rows[policy] = rows[policy] "\n"
    }
    END {
        print "### Largest difference from CloudSim over the seven days"
        print ""
        print "| policy | energy | window energy | migrations vs net | migrations vs count | SLATAH | PDM |"
        print "|---|---|---|---|---|---|---|"
        for (i = 1; i <= n; i++) {
            p = order[i]
            if (p == "dvfs") {
                printf "| %s | %+.1f %% | %+.1f %% | | | | |\n", p, worst[p SUBSEP "energy"], worst[p SUBSEP "window"]
            } else {
                printf "| %s | %+.1f %% | %+.1f %% | %+.1f %% | %+.1f %% | %+.1f %% | %+.1f %% |\n", p,
                    worst[p SUBSEP "energy"], worst[p SUBSEP "window"], worst[p SUBSEP "net"],
                    worst[p SUBSEP "count"], worst[p SUBSEP "slatah"], worst[p SUBSEP "pdm"]
            }
        }
        for (i = 1; i <= n; i++) {
            p = order[i]
            print ""
            printf "### %s%s\n\n", p, (p == "lrr-mmt-1.2" ? " (against CloudSim'\''s LRR, which equals its LR)" : "")
            if (p == "dvfs") {
                print "| day | CloudSim kWh | ldist kWh | diff | window diff |"
                print "|---|---|---|---|---|"
            } else {
                print "| day | CloudSim kWh | ldist kWh | diff | window diff | CloudSim migrations | CloudSim net | ldist | diff vs net | diff vs count | CloudSim SLATAH % | ldist | diff | CloudSim PDM % | ldist | diff |"
                print "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
            }
            printf "%s", rows[p]
        }
    }' "$reference" "$runs"

# The other VM selectors, on 20110303 only (CloudSim's figures for them were made for that day).
echo
echo "### Other VM selectors, 20110303"
echo
echo "| policy | CloudSim kWh | ldist kWh | diff | CloudSim migrations | CloudSim net | ldist | diff vs net | diff vs count | CloudSim SLATAH % | ldist | diff | CloudSim PDM % | ldist | diff |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
awk -F, '
    function pct(a, b) { return sprintf("%+.1f %%", (a - b) / b * 100) }
    function thousands(n,   s, r) { s = sprintf("%d", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
    FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
    FILENAME == ARGV[1] { k = $2 SUBSEP $1; e[k] = $3; m[k] = $4; d[k] = $5; s[k] = $6; p[k] = $7; next }
    {
        c = col[FILENAME, "policy"]; k = $c SUBSEP $(col[FILENAME, "day"])
        E = $(col[FILENAME, "energyKWh"]); M = $(col[FILENAME, "migrations"])
        S = $(col[FILENAME, "slatah"]) * 100; P = $(col[FILENAME, "pdm"]) * 100; net = m[k] - d[k]
        printf "| %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %.4f | %.4f | %s |\n", $c,
            e[k], E, pct(E, e[k]), thousands(m[k]), thousands(net), thousands(M), pct(M, net), pct(M, m[k]),
            s[k], S, pct(S, s[k]), p[k], P, pct(P, p[k])
    }' "$reference" "$out-selectors/results.csv"
