#!/usr/bin/env bash
# The quick performance profile (issues 7 and 17): builds the engine, the CLI and the benchmarks, runs
# the JMH benchmarks of both tiers with short warm-ups and one fork, measures heap per extra school
# profile, and prints every figure against its target. About 10 minutes on 2 cores.
#
#   policy-benchmarks/run-quick.sh             from the repository root (or anywhere)
#   policy-benchmarks/run-quick.sh --no-build  reuse policy-benchmarks/target/benchmarks.jar
#
# Runs issue 17's benchmarks: the lexical engine (Evaluate, Baseline, TextLength, RuleCount; Threads in its own run),
# the semantic tier (Semantic: evaluate against bare ONNX inference; SemanticMegabyte: 1 MB; not
# SemanticDraft, the keystroke cache, which has no target), the CLI (CliStart: start to first
# decision, both tiers; CliLines: per message in a 50,000-line run against bare Jackson) and serve
# (Serve: 50 concurrent clients, both tiers, server in its own process). BENCH_REGEX replaces the
# list (and skips the separate Serve and Threads runs), e.g. BENCH_REGEX='dev\.hallpass\..*Benchmark' for every benchmark.
#
# Writes bench/results.json (JMH's JSON), bench/serve.json and bench/threads.json (ServeBenchmark's
# and ThreadsBenchmark's, run with longer iterations), bench/heap.json and bench/summary.md at the repository
# root; commit them with each performance change so the history shows the trend.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=policy-benchmarks/target/benchmarks.jar

if [[ "${1:-}" != "--no-build" ]]; then
  echo "== building (the benchmark module's tests check the hand-coded baseline against the engine)"
  mvn -B -q package -Pbenchmarks -pl policy-benchmarks -am -Dtest='HandCodedPolicyTest' -Dsurefire.failIfNoSpecifiedTests=false
  echo "== building the CLI and its class-data archive (CliStartBenchmark runs the CLI jar as ./policy does)"
  ./policy --help >/dev/null
fi

mkdir -p bench
start=$(date +%s)
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) on $(nproc) cores (other busy processes inflate every figure)"
echo "== JMH quick profile -> bench/results.json"
java -jar "$jar" "${BENCH_REGEX:-dev\.hallpass\.(bench\.(Evaluate|Baseline|TextLength|RuleCount|Semantic|SemanticMegabyte|CliStart)Benchmark|cli\.CliLinesBenchmark)}" \
  -f 1 -wi 2 -w 2s -i 3 -r 2s -foe true \
  -rf json -rff bench/results.json

if [[ -z "${BENCH_REGEX:-}" ]]; then
  # Longer iterations than the rest: a semantic-tier request takes tens of milliseconds behind 49 others,
  # and 2 s would hold too few requests for a p99.
  echo "== serve, 50 clients, both tiers -> bench/serve.json"
  java -jar "$jar" 'dev\.hallpass\.bench\.ServeBenchmark' -f 1 -wi 1 -w 6s -i 3 -r 6s -foe true -rf json -rff bench/serve.json
  # Longer iterations too: a semantic evaluation takes milliseconds, and with 2 s iterations the
  # ratio of two threads to one moved by 0.15 from run to run.
  echo "== 1 and 2 threads, word lists, semantic tier and hand-coded baseline -> bench/threads.json"
  java -jar "$jar" 'dev\.hallpass\.bench\.ThreadsBenchmark' -f 1 -wi 2 -w 4s -i 5 -r 4s -foe true -rf json -rff bench/threads.json
fi

echo "== heap per extra school profile -> bench/heap.json"
java -Xmx8g -cp "$jar" dev.hallpass.bench.HeapPerProfile bench/heap.json --budget-seconds 120

echo "== summary -> bench/summary.md"
java -cp "$jar" dev.hallpass.bench.Summary bench
echo "== measured in $(( $(date +%s) - start )) s"
