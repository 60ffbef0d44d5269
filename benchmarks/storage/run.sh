#!/usr/bin/env bash
# Storage forms for compiled data (docs/benchmarks.md, "Index layout and storage"): for each size in MiB, one
# plain project per form (embedded resource, u8 literal parts, one u8 literal, byte array initializer up to 4 MiB)
# holding the same data; prints build wall time, peak RSS of the build's largest process, assembly and source size.
#   benchmarks/storage/run.sh 4 16
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "${STORAGE_WORK:-/tmp/corpussdk-storage}"
cd "${STORAGE_WORK:-/tmp/corpussdk-storage}"
for mb in "$@"; do python3 "$here/gen.py" $mb; done
for mb in "$@"; do for f in resource u8parts u8one array; do
  p=$f$mb; [ -d $p ] || continue
  (cd $p && dotnet restore -v q >/dev/null 2>&1)
  /usr/bin/time -v -o $p/time.txt dotnet build $p -c Release --no-restore -v q -nodeReuse:false >$p/build.txt 2>&1 || true
  rss=$(grep "Maximum resident" $p/time.txt | awk '{print $6}'); wall=$(grep "Elapsed (wall" $p/time.txt | awk '{print $8}')
  dll=$(stat -c %s $p/bin/Release/net10.0/$p.dll 2>/dev/null || echo FAIL)
  src=$(stat -c %s $p/Program.cs)
  t0=$(date +%s%N); dotnet $p/bin/Release/net10.0/$p.dll >/dev/null 2>&1; t1=$(date +%s%N)
  echo "$p source=$src dll=$dll build_wall=$wall peak_rss_kb=$rss run_ms=$(( (t1-t0)/1000000 ))"
done; done
