#!/usr/bin/env bash
# Scale measurements for docs/benchmarks.md ("Scale"): N synthetic articles (tools/CorpusSdk.SyntheticCorpus),
# for each N: generator time through CSharpGeneratorDriver and the steps re-run after editing one seed
# (Driver), a clean `dotnet build` of the corpus as a consumer project (wall time, peak memory of the
# compiler process, assembly size), the rebuild after editing one seed, then a fresh process that times its
# first query, query latency, allocation, snippets, and Lucene.NET's index build and queries (Runner).
#
#   benchmarks/scale/run.sh [N ...]          default N: 1 100 1000 10000
#
#   SCALE_WORK=DIR                  corpora and results (default /tmp/corpussdk-scale); DIR/<N>/results.txt
#   SCALE_DICTIONARY=auto|none|PATH vocabulary: auto (default) adds hunspell-ar's ar.dic (installed here when
#                                   missing), none uses the real seed's words only
#   SCALE_STORAGE=Auto|Strings|Utf8 CorpusSdkTextStorage (default Auto)
#   SCALE_INDEX=Resource|Source     CorpusSdkIndexStorage (default Resource: the index build step's embedded resource)
#   SCALE_HEAP_LIMIT=0x4C0000000    optional DOTNET_GCHeapHardLimit (bytes, hex) for the generator driver and the
#                                   build, so that a corpus too large for the machine fails alone (OutOfMemory)
#                                   instead of starving other processes
#
# Prints the Markdown tables and the Mermaid chart (also written to DIR/scale.md).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${SCALE_WORK:-/tmp/corpussdk-scale}
dictionary=${SCALE_DICTIONARY:-auto}
storage=${SCALE_STORAGE:-Auto}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000 10000)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# GNU time gives the peak memory of the build; hunspell-ar a realistic vocabulary (read at run time only).
if [ ! -x /usr/bin/time ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; fi
if [ "$dictionary" = auto ] && [ ! -f /usr/share/hunspell/ar.dic ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-ar >/dev/null) || echo "hunspell-ar unavailable: seed words only" >&2
fi

cd "$repo"
echo "== building the generator, runtime, synthetic corpus tool and driver (Release)" >&2
dotnet build generators/CorpusSdk.Generators -c Release -nologo -v:q >&2
dotnet build src/CorpusSdk -c Release -f net10.0 -nologo -v:q >&2
dotnet build src/CorpusSdk.IndexBuilder -c Release -nologo -v:q >&2
dotnet build tools/CorpusSdk.SyntheticCorpus -c Release -nologo -v:q >&2
dotnet build benchmarks/scale/Driver -c Release -nologo -v:q >&2
limit=(env)
[ -z "${SCALE_HEAP_LIMIT:-}" ] || limit=(env DOTNET_GCHeapHardLimit="$SCALE_HEAP_LIMIT")
synth=(dotnet "$repo/tools/CorpusSdk.SyntheticCorpus/bin/Release/net10.0/CorpusSdk.SyntheticCorpus.dll")
driver=(dotnet "$repo/benchmarks/scale/Driver/bin/Release/net10.0/CorpusSdk.Scale.Driver.dll")

seconds() { # h:mm:ss or m:ss(.ss) -> seconds
  awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"
}

# build PREFIX RESULTS PROJECT_DIR: one `dotnet build` with the compiler in its own process (no server, no node
# reuse) so that GNU time sees it; a sampler also records the peak RSS (VmHWM) of the csc processes it starts.
build() {
  local prefix=$1 results=$2 project=$3 log peakfile root sampler
  log=$(mktemp); peakfile=$(mktemp); echo 0 >"$peakfile"
  dotnet build-server shutdown >/dev/null 2>&1 || true
  echo "${prefix}_load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results"  # 2 cores: anything above 2 is other work
  "${limit[@]}" /usr/bin/time -v dotnet build "$project" -c Release --no-restore -nologo -v:q -nodeReuse:false \
    -p:UseSharedCompilation=false -p:CorpusSdkRepo="$repo" -p:CorpusSdkTextStorage="$storage" -p:CorpusSdkIndexStorage="${SCALE_INDEX:-Resource}" >"$log.out" 2>"$log" &
  root=$!
  (
    descends() { local p=$1; while [ -n "$p" ] && [ "$p" -gt 1 ]; do [ "$p" = "$root" ] && return 0; p=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null); done; return 1; }
    peak=0
    while kill -0 "$root" 2>/dev/null; do
      for p in $(pgrep -f 'bincore/csc|csc\.dll' || true); do
        if descends "$p"; then
          h=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
          if [ -n "$h" ] && [ "$h" -gt "$peak" ]; then peak=$h; echo "$peak" >"$peakfile"; fi
        fi
      done
      sleep 0.1
    done
  ) &
  sampler=$!
  local status=0
  wait "$root" || status=$?
  wait "$sampler" || true
  {
    echo "${prefix}_ok $([ "$status" -eq 0 ] && echo 1 || echo 0)"
    echo "${prefix}_wall_s $(seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")")"
    echo "${prefix}_user_s $(sed -n 's/.*User time (seconds): //p' "$log")"
    echo "${prefix}_tree_maxrss_mb $(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log") / 1024 ))"
    echo "${prefix}_csc_peak_mb $(( $(cat "$peakfile") / 1024 ))"
    grep -E "error" "$log.out" | head -n 3 | sed "s/^/${prefix}_error /" || true
  } >>"$results"
  rm -f "$log" "$log.out" "$peakfile"
}

for n in "${sizes[@]}"; do
  dir="$work/$n"
  results="$dir/results.txt"
  rm -rf "$dir"; mkdir -p "$dir/corpus"
  echo "== N = $n: seeds" >&2
  "${synth[@]}" --count "$n" --out "$dir/corpus/seeds" --dictionary "$dictionary" | tee "$dir/synth.log" >&2
  mv "$dir/corpus/seeds/manifest.json" "$dir/manifest.json"
  {
    echo "n $n"
    echo "seed_bytes $(find "$dir/corpus/seeds" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
    echo "vocabulary $(sed -n 's/.*vocabulary: \(.*\); .*/\1/p' "$dir/synth.log")"
    echo "requested_storage $storage"
  } >"$results"

  echo "== N = $n: generator through CSharpGeneratorDriver" >&2
  "${limit[@]}" "${driver[@]}" generate "$dir/corpus/seeds" "$results" "$storage" >&2 || echo "gen_failed 1" >>"$results"

  echo "== N = $n: dotnet build (clean)" >&2
  cp benchmarks/scale/Corpus/ScaleCorpus.csproj "$dir/corpus/"
  dotnet restore "$dir/corpus" -p:CorpusSdkRepo="$repo" -nologo -v:q >&2
  build build "$results" "$dir/corpus"
  dll="$dir/corpus/bin/Release/net10.0/ScaleCorpus.dll"
  echo "asm_bytes $(stat -c %s "$dll" 2>/dev/null || echo 0)" >>"$results"

  echo "== N = $n: edit one seed, rebuild" >&2
  middle=$(find "$dir/corpus/seeds" -name '*.txt' | sort | sed -n "$(( (n + 1) / 2 ))p")
  perl -0pi -e 's/\.(\r?\n)/ تعديل.$1/' "$middle"
  build rebuild "$results" "$dir/corpus"

  if [ -f "$dll" ]; then
    echo "== N = $n: first query, queries, Lucene.NET" >&2
    dotnet build benchmarks/scale/Runner -c Release -nologo -v:q -p:ScaleCorpusDll="$dll" -o "$dir/runner" >&2
    dotnet "$dir/runner/CorpusSdk.Scale.Runner.dll" "$results" >&2
  fi
done

"${driver[@]}" report "$work" | tee "$work/scale.md"
