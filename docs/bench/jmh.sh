#!/usr/bin/env bash
# Runs the JMH benchmarks of the engine (engine/src/test/java/io/ldist/engine/bench). Arguments go to JMH,
# e.g. docs/bench/jmh.sh AssignBenchmark -p placement=least-loaded -f 1
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.classpath)" \
    org.openjdk.jmh.Main "${@:-AssignBenchmark}"
