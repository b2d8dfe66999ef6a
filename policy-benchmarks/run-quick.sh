#!/usr/bin/env bash
# The quick performance profile (issue 7): builds the engine and the benchmarks, runs every JMH
# benchmark with short warm-ups and one fork, measures heap per extra school profile, and prints
# the figures against their targets. Under 5 minutes on 2 cores.
#
#   policy-benchmarks/run-quick.sh            from the repository root (or anywhere)
#   policy-benchmarks/run-quick.sh --no-build reuse policy-benchmarks/target/benchmarks.jar
#
# Writes bench/results.json (JMH's JSON), bench/heap.json and bench/summary.md at the repository
# root; commit them with each performance change so the history shows the trend.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=policy-benchmarks/target/benchmarks.jar

if [[ "${1:-}" != "--no-build" ]]; then
  echo "== building (the benchmark module's tests check the hand-coded baseline against the engine)"
  mvn -B -q install -DskipTests -pl policy-core,policy-testkit,policy-rules -am
  mvn -B -q -f policy-benchmarks/pom.xml package
fi

mkdir -p bench
start=$(date +%s)
echo "== JMH quick profile -> bench/results.json"
java -jar "$jar" 'dev\.hallpass\.bench\..*Benchmark' \
  -f 1 -wi 3 -w 2s -i 3 -r 1s -foe true \
  -rf json -rff bench/results.json

echo "== heap per extra school profile -> bench/heap.json"
java -Xmx8g -cp "$jar" dev.hallpass.bench.HeapPerProfile bench/heap.json --budget-seconds 120

echo "== summary -> bench/summary.md"
java -cp "$jar" dev.hallpass.bench.Summary bench
echo "== measured in $(( $(date +%s) - start )) s"
