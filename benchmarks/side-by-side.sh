#!/usr/bin/env bash
# Ours and stock Java Lucene 8.8 (../shared/peers/java-lucene) side by side: one run, one machine, so the ratios hold
# wherever absolute timings drift. Prints a markdown table; the raw outputs stay in $WORK.
#   benchmarks/side-by-side.sh            indexing (3 runs each), the XQuAD-ar question and search-box query latencies
#                                         (3 pairs of runs)
#   RUNS=1 benchmarks/side-by-side.sh     one run of each
# Needs the .NET SDK, a JDK and Debian's liblucene8-java (apt-get install -y default-jdk-headless liblucene8-java).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${DATA:-$root/../shared/data}
PEER=${PEER:-$root/../shared/peers/java-lucene}
WORK=${WORK:-/tmp/side-by-side}
RUNS=${RUNS:-3}
mkdir -p "$WORK"
cd "$root"

dotnet build -c Release Search.sln -nologo -v q >/dev/null
indexer=(dotnet "$root/src/Search.Indexer/bin/Release/net10.0/search-indexer.dll")
loadtest=(dotnet "$root/benchmarks/Search.LoadTest/bin/Release/net10.0/Search.LoadTest.dll")
news=("$DATA"/ant-*)

echo "# side by side, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The peer's latency run first: it compiles the peer, writes its TSV inputs (which the indexing runs reuse) and builds
# its question index; its timings are not used (the paired runs below are).
(cd "$PEER" && WORK=$WORK/java DATA=$DATA ./run.sh latency) >"$WORK/java-latency-warmup.txt"
java_cp=$(for m in core analyzers-common queryparser highlighter memory queries; do printf '/usr/share/java/lucene-%s-8.7.0.jar:' $m; done)$WORK/java/classes

# Indexing: the runs take turns, so a noisy stretch of the machine hits both.
: >"$WORK/java-index.txt"; : >"$WORK/ours-1.txt"; : >"$WORK/ours-default.txt"
for run in $(seq "$RUNS"); do
  rm -rf "$WORK/java/idx"
  java -Xms4g -Xmx4g -cp "$java_cp" Peer index "$WORK/java/news.tsv" "$WORK/java/idx" arabic | grep '^RESULT' >>"$WORK/java-index.txt"
  for threads in 1 default; do
    rm -rf "$WORK/ours-index"
    args=(); [[ $threads == 1 ]] && args=(--threads 1)
    /usr/bin/time -f 'WALL %e' "${indexer[@]}" index "${news[@]}" --index "$WORK/ours-index" "${args[@]}" \
      >>"$WORK/ours-$threads.txt" 2>&1 || [[ $? == 2 ]]   # 2: some records skipped, as the corpus has
  done
done

# Query latencies: both on news + XQuAD-ar passages, 5 untimed passes, one thread: the 1,190 questions, and 1,000
# search-box queries (1 to 3 consecutive words of headlines, drawn with a fixed seed on this machine).
python3 "$root/benchmarks/search-box-queries.py" "$WORK/java/news.tsv" "$WORK/search-box.tsv" 2>/dev/null
rm -rf "$WORK/ours-q-index"
"${indexer[@]}" index "${news[@]}" "$DATA/xquad-ar/passages.jsonl" --index "$WORK/ours-q-index" >/dev/null 2>&1 || [[ $? == 2 ]]
# RUNS pairs, the peer's then ours back to back, so a noisy stretch of the machine hits both of a pair; each pair gives
# a ratio, and the table shows their median. Ours in process, with the gen-0 budget the service runs with
# (src/Search.Api/Properties/launchSettings.json).
: >"$WORK/java-latency.txt"; : >"$WORK/ours-latency.txt"; : >"$WORK/java-box.txt"; : >"$WORK/ours-box.txt"
for run in $(seq "$RUNS"); do
  (cd "$PEER" && WORK=$WORK/java DATA=$DATA ./run.sh latency) | sed "s/^RESULT/RESULT\trun=$run/" >>"$WORK/java-latency.txt"
  DOTNET_GCgen0size=0x4000000 "${loadtest[@]}" query-bench --index "$WORK/ours-q-index" --queries-file "$DATA/xquad-ar/queries.tsv" --passes 5 \
    | tee "$WORK/ours-latency-$run.txt" | grep '^RESULT' | sed "s/^RESULT/RESULT\trun=$run/" >>"$WORK/ours-latency.txt"
  java -Xms4g -Xmx4g -cp "$java_cp" Peer run "$WORK/java/idx-q" "$WORK/search-box.tsv" "$WORK/java/run-box.txt" arabic --tag lucene --warmup 5 \
    | grep '^RESULT' | sed "s/^RESULT/RESULT\trun=$run/" >>"$WORK/java-box.txt"
  DOTNET_GCgen0size=0x4000000 "${loadtest[@]}" query-bench --index "$WORK/ours-q-index" --queries-file "$WORK/search-box.tsv" --passes 5 \
    | tee "$WORK/ours-box-$run.txt" | grep '^RESULT' | sed "s/^RESULT/RESULT\trun=$run/" >>"$WORK/ours-box.txt"
done

field() { grep -o "$1=[0-9.]*" | cut -d= -f2; }
# The lowest and highest of a column of numbers, with $1 decimals (1 when not given).
range() { sort -g | awk -v f="%.${1:-1}f" 'NR==1{lo=$1} {hi=$1} END{printf (lo==hi ? f : f "–" f), lo, hi}'; }
java_s=$(grep '^RESULT' "$WORK/java-index.txt" | field seconds)
ours1_s=$(grep '^WALL' "$WORK/ours-1.txt" | awk '{print $2}')
# Ours on the clock the peer uses for itself (from the first record read to the last commit, merge included; no
# process start, no runtime's start): the import's own "in X s" plus "Merged in Y s", run by run.
ours1_engine=$(awk '/^Indexed .* in [0-9.]+ s:/ {for (i = 1; i <= NF; i++) if ($i == "in") x = $(i + 1); seen++}
  /^Merged in/ {m = $3; seen++} seen == 2 {print x + m; seen = 0}' "$WORK/ours-1.txt")
oursd_s=$(grep '^WALL' "$WORK/ours-default.txt" | awk '{print $2}')
best() { sort -g | head -1; }
ratio() { awk -v j="$1" -v o="$2" 'BEGIN{printf "%.2fx", j/o}'; }

echo
echo "| work | ours | Java Lucene 8.8 (stock) | ratio (Java time / ours) |"
echo "|---|---|---|---|"
echo "| index the shared news articles, whole process, 1 thread (\`--threads 1\`), s, $RUNS runs | $(echo "$ours1_s" | range) | $(echo "$java_s" | range) | $(ratio "$(echo "$java_s" | best)" "$(echo "$ours1_s" | best)") (best runs) |"
echo "| the same, ours on its default threads ($(nproc) cores), s | $(echo "$oursd_s" | range) | (1 thread) | $(ratio "$(echo "$java_s" | best)" "$(echo "$oursd_s" | best)") |"
echo "| the same, on the peer's own clock (first record to last commit, merge included; no process start), 1 thread, s | $(echo "$ours1_engine" | range) | $(echo "$java_s" | range) | $(ratio "$(echo "$java_s" | best)" "$(echo "$ours1_engine" | best)") (not the issue's measure) |"
for set in "latency:1,190 XQuAD questions" "box:1,000 search-box queries (1–3 headline words)"; do
  for mode in "search" "search + snippets"; do
    jmode=$([[ $mode == search ]] && echo search || echo search+highlight)
    for q in p50 p99; do
      ours=$(grep -F "mode=$mode	" "$WORK/ours-${set%%:*}.txt" | field "${q}_ms")
      java=$(grep -F "mode=$jmode	" "$WORK/java-${set%%:*}.txt" | field "${q}_ms")
      ratios=$(paste <(echo "$java") <(echo "$ours") | awk '{printf "%.2f\n", $1/$2}' | sort -g)
      median=$(echo "$ratios" | awk '{r[NR]=$1} END{printf "%.2fx", (NR%2 ? r[(NR+1)/2] : (r[NR/2]+r[NR/2+1])/2)}')
      echo "| ${set#*:} in process, $mode, $q ms, $RUNS pairs | $(echo "$ours" | range 2) | $(echo "$java" | range 2) | $median (pairs: $(echo "$ratios" | paste -sd' ' | sed 's/ /x, /g')x) |"
    done
  done
done
