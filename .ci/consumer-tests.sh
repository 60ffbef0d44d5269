#!/usr/bin/env bash
# Consumer tests: the packages work for a user exactly as the repo works inside itself.
#
#   bash .ci/consumer-tests.sh [--no-build] [--results DIR]
#
# Packs the solution into a temporary local folder feed, checks what each package holds, then, in a
# temporary directory outside the repo, makes fresh projects with `dotnet new console` that use the
# packages from that feed:
#   own-seed        references CorpusSdk, has its own seeds/hello-corpus.txt, builds, runs and prints
#                   the article's title through the typed member Corpus.hello_corpus
#   own-and-package references both, has its own seed and searches it with the package's corpus as one
#                   index (MultiCorpusSearch): one ranked list naming each hit's corpus
#   seeds-package   references CorpusSdk.Seeds, prints the real seed's title and the versions; its own
#                   seeds/ folder must NOT be compiled (the generator does not flow through CorpusSdk.Seeds)
#   tool            installs the corpus tool into a --tool-path and runs `corpus list`
#   malformed-seed  a seed with an unknown month fails `dotnet build` with CSDK005 at file(line,col)
#   ready-to-run    a net10.0 consumer loads the package's precompiled runtimes/linux-x64 CorpusSdk.dll (a ReadyToRun
#                   image); the same app published with Native AOT (the image is the compiler's input) prints the same
#   net8-csharp12   a net8.0 consumer with LangVersion 12 builds (build only: no .NET 8 runtime here)
#   native-aot      publishes the CLI with Native AOT; the binary's output equals the JIT build's;
#                   prints its size and start-up time against the JIT build
#   readme          the README's "Using it in your own project" steps, word for word, in a fresh clone of
#                   this commit: its pack command (no extra flags, nothing built before), a nuget.config
#                   beside a new app, `dotnet add package CorpusSdk --prerelease`, the README's C# example
#                   as Program.cs, `dotnet run`
#   shallow-clone   a `git clone --depth 1` fails to build with the one-line error of Directory.Build.targets
#   source-archive  a `git archive` tree (no .git) fails to build with its one-line error
#
# Consumers restore into their own NUGET_PACKAGES folder, so a package rebuilt with the same version is
# never served stale from the global cache. The nuget.config they use adds only the local folder to the
# machine's default sources (no <clear/>).
#
# --no-build packs what a previous `dotnet build -c Release` produced (CI does that). --results DIR
# writes DIR/consumer-tests.trx, so .ci/run counts these checks with the unit tests. Prints
# "N passed, N failed" and exits non-zero when a check failed. CONSUMER_TESTS_KEEP=1 keeps the
# temporary directory for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

no_build=false
results=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) no_build=true ;;
    --results) results=$2; shift ;;
    *) echo "usage: $0 [--no-build] [--results DIR]" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en MSBUILDDISABLENODEREUSE=1
work=$(mktemp -d "${TMPDIR:-/tmp}/corpussdk-consumer.XXXXXX")
# The README check runs outside $work, whose nuget.config and Directory.Build.* would otherwise apply to it.
readme_root=$(mktemp -d "${TMPDIR:-/tmp}/corpussdk-readme.XXXXXX")
feed=$work/feed
mkdir -p "$feed" "$work/logs"

readonly real_id=000_8fbc388ac0ad8ee7
readonly real_title='تسريبات كيري: عليكم أن تقاتلوا من أجلنا لكننا لن نقاتل معكم'
readonly real_list_line="${real_id}	2016-10-01	مناف قومان	${real_title}"

passed=0
failed=0
trx_results=""
version=""
commit=$(git rev-parse HEAD)

write_trx() {
  [ -n "$results" ] || return 0
  mkdir -p "$results"
  local outcome=Completed
  [ "$failed" -eq 0 ] || outcome=Failed
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<TestRun id="00000000-0000-0000-0000-000000000005" name="consumer-tests" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">'
    echo "  <Results>${trx_results}"
    echo '  </Results>'
    echo "  <ResultSummary outcome=\"${outcome}\">"
    echo "    <Counters total=\"$((passed + failed))\" executed=\"$((passed + failed))\" passed=\"${passed}\" failed=\"${failed}\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" passedButRunAborted=\"0\" notRunnable=\"0\" notExecuted=\"0\" disconnected=\"0\" warning=\"0\" completed=\"0\" inProgress=\"0\" pending=\"0\" />"
    echo '  </ResultSummary>'
    echo '</TestRun>'
  } >"$results/consumer-tests.trx"
}

finish() {
  local status=$?
  write_trx
  if [ "${CONSUMER_TESTS_KEEP:-}" = 1 ]; then
    echo "consumer tests: kept $work and $readme_root"
  else
    rm -rf "$work" "$readme_root"
  fi
  exit "$status"
}
trap finish EXIT

# ---------------------------------------------------------------------------------------------------
# Assertions (a failing one ends its check: checks run in a subshell with set -e).

fail_because() { echo "ASSERTION FAILED: $*" >&2; return 1; }

expect_eq() { # actual expected what
  [ "$1" == "$2" ] || fail_because "$3: expected [$2], got [$1]"
}

expect_file_has() { # file fixed-string what
  grep -qF -- "$2" "$1" || fail_because "$3: [$2] not found in $1"
}

expect_file_lacks() { # file extended-regex what
  if grep -qE -- "$2" "$1"; then
    grep -E -- "$2" "$1" | head -n 5 >&2
    fail_because "$3: /$2/ found in $1"
  fi
}

# Restores of consumer projects go to an isolated global packages folder, never ~/.nuget/packages.
consumer() { NUGET_PACKAGES="$work/nuget-packages" "$@"; }

# No warning from the compiler or the generator in a consumer build.
expect_clean_build_log() { # log
  expect_file_lacks "$1" 'warning (CS|CSDK|CA|IL|RS)[0-9]' "warnings in the consumer build"
}

new_console() { # dir name [extra dotnet-new args...]
  local dir=$1 name=$2
  shift 2
  dotnet new console --name "$name" --output "$dir" --no-restore "$@" >/dev/null
}

add_package() { # project-dir package
  (cd "$1" && consumer dotnet add package "$2" --version "$version")
}

# ---------------------------------------------------------------------------------------------------
# Checks

check_pack() {
  local args=(pack "$repo/CorpusSdk.sln" -c Release -o "$feed" -nologo)
  if $no_build; then args+=(--no-build); fi
  dotnet "${args[@]}"

  local nupkgs snupkgs
  nupkgs=$(cd "$feed" && ls -1 ./*.nupkg | sed 's#^\./##' | sort)
  snupkgs=$(cd "$feed" && ls -1 ./*.snupkg | sed 's#^\./##' | sort)
  echo "$nupkgs"
  local corpussdk
  corpussdk=$(cd "$feed" && ls -1 CorpusSdk.[0-9]*.nupkg)
  version=${corpussdk#CorpusSdk.}
  version=${version%.nupkg}
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || fail_because "version '$version' read from $corpussdk"
  echo "$version" >"$work/version"
  expect_eq "$nupkgs" "$(printf '%s\n' "CorpusSdk.$version.nupkg" "CorpusSdk.Seeds.$version.nupkg" "corpus.$version.nupkg" | sort)" "packages (one version for all)"
  expect_eq "$snupkgs" "$(printf '%s\n' "CorpusSdk.$version.snupkg" "CorpusSdk.Seeds.$version.snupkg" "corpus.$version.snupkg" | sort)" "symbol packages"
  for f in "$feed"/*; do
    printf '%8d  %s\n' "$(stat -c %s "$f")" "$(basename "$f")"
  done
}

# Files of a package, one per line, sorted (no directories).
package_files() { unzip -Z1 "$1" | grep -v '/$' | sort; }

# Metadata every package must carry.
check_common_metadata() { # id
  local id=$1 nuspec="$work/$1.nuspec"
  unzip -p "$feed/$id.$version.nupkg" "$id.nuspec" >"$nuspec"
  expect_file_has "$nuspec" "<version>$version</version>" "$id: version"
  expect_file_has "$nuspec" '<license type="expression">MIT</license>' "$id: licence"
  expect_file_has "$nuspec" '<readme>README.md</readme>' "$id: readme"
  expect_file_has "$nuspec" '<projectUrl>https://github.com/corpussdk/corpussdk</projectUrl>' "$id: project URL"
  expect_file_has "$nuspec" "<repository type=\"git\" url=\"https://github.com/corpussdk/corpussdk\"" "$id: repository"
  expect_file_has "$nuspec" "commit=\"$commit\"" "$id: repository commit"
  grep -qE '<description>.{40,}</description>' "$nuspec" || fail_because "$id: description"
  grep -qE '<tags>[^<]+</tags>' "$nuspec" || fail_because "$id: tags"
  [ "$(unzip -p "$feed/$id.$version.nupkg" README.md | wc -c)" -gt 200 ] || fail_because "$id: README.md too short"
}

# The snupkg holds the PDBs, and each PDB maps its sources to the commit on GitHub (SourceLink).
check_symbols() { # id pdb-path...
  local id=$1
  shift
  local dir="$work/symbols-$id"
  mkdir -p "$dir"
  (cd "$dir" && unzip -q -o "$feed/$id.$version.snupkg")
  for pdb in "$@"; do
    [ -f "$dir/$pdb" ] || fail_because "$id: $pdb missing from the snupkg"
    # The canonical repository, or the remote a clone from GitHub has (docs/packaging.md).
    grep -aqE "https://raw\.githubusercontent\.com/[^/\"]+/[^/\"]+/$commit/\*" "$dir/$pdb" ||
      fail_because "$id: $pdb has no SourceLink to the commit"
  done
}

check_package_corpussdk() {
  package_files "$feed/CorpusSdk.$version.nupkg" | tee "$work/CorpusSdk.files"
  expect_eq "$(cat "$work/CorpusSdk.files")" "$(sort <<EOF
CorpusSdk.nuspec
README.md
[Content_Types].xml
_rels/.rels
analyzers/dotnet/cs/CorpusSdk.Generators.dll
buildTransitive/CorpusSdk.props
buildTransitive/CorpusSdk.targets
lib/net10.0/CorpusSdk.dll
lib/net10.0/CorpusSdk.xml
lib/net8.0/CorpusSdk.dll
lib/net8.0/CorpusSdk.xml
runtimes/linux-arm64/lib/net10.0/CorpusSdk.dll
runtimes/linux-x64/lib/net10.0/CorpusSdk.dll
runtimes/osx-arm64/lib/net10.0/CorpusSdk.dll
runtimes/win-x64/lib/net10.0/CorpusSdk.dll
tools/index/CorpusSdk.IndexBuilder.deps.json
tools/index/CorpusSdk.IndexBuilder.dll
tools/index/CorpusSdk.IndexBuilder.runtimeconfig.json
$(package_files "$feed/CorpusSdk.$version.nupkg" | grep '^package/services/metadata/core-properties/[^/]*\.psmdcp$')
EOF
)" "files of CorpusSdk"
  check_common_metadata CorpusSdk
  # The generator is packed, not depended on; the runtime depends on nothing.
  expect_file_lacks "$work/CorpusSdk.nuspec" '<dependency ' "CorpusSdk dependencies"
  check_symbols CorpusSdk lib/net8.0/CorpusSdk.pdb lib/net10.0/CorpusSdk.pdb
}

check_package_seeds() {
  package_files "$feed/CorpusSdk.Seeds.$version.nupkg" | tee "$work/CorpusSdk.Seeds.files"
  expect_eq "$(cat "$work/CorpusSdk.Seeds.files")" "$(sort <<EOF
CorpusSdk.Seeds.nuspec
README.md
[Content_Types].xml
_rels/.rels
buildTransitive/CorpusSdk.Seeds.targets
lib/net10.0/CorpusSdk.Seeds.dll
lib/net10.0/CorpusSdk.Seeds.xml
lib/net8.0/CorpusSdk.Seeds.dll
lib/net8.0/CorpusSdk.Seeds.xml
$(package_files "$feed/CorpusSdk.Seeds.$version.nupkg" | grep '^package/services/metadata/core-properties/[^/]*\.psmdcp$')
EOF
)" "files of CorpusSdk.Seeds"
  check_common_metadata CorpusSdk.Seeds
  local nuspec="$work/CorpusSdk.Seeds.nuspec"
  # Exactly one dependency per framework: the runtime, without its generator and MSBuild wiring.
  expect_eq "$(grep -c '<dependency ' "$nuspec")" 2 "CorpusSdk.Seeds: dependencies (net8.0, net10.0)"
  local dep
  for dep in $(grep -o '<dependency [^>]*>' "$nuspec" | tr ' ' '~'); do
    dep=${dep//\~/ }
    [[ "$dep" == *'id="CorpusSdk"'* ]] || fail_because "unexpected dependency $dep"
    [[ "$dep" == *"version=\"$version\""* ]] || fail_because "dependency version: $dep"
    for asset in Analyzers Build BuildTransitive; do
      [[ "$dep" =~ exclude=\"([A-Za-z,]*,)?$asset(,[A-Za-z,]*)?\" ]] || fail_because "dependency does not exclude $asset: $dep"
    done
  done
  check_symbols CorpusSdk.Seeds lib/net8.0/CorpusSdk.Seeds.pdb lib/net10.0/CorpusSdk.Seeds.pdb
}

check_package_tool() {
  local files="$work/corpus.files"
  package_files "$feed/corpus.$version.nupkg" | tee "$files"
  for f in README.md corpus.nuspec tools/net10.0/any/DotnetToolSettings.xml tools/net10.0/any/corpus.dll \
    tools/net10.0/any/corpus.runtimeconfig.json tools/net10.0/any/corpus.deps.json \
    tools/net10.0/any/CorpusSdk.dll tools/net10.0/any/CorpusSdk.Seeds.dll; do
    grep -qxF "$f" "$files" || fail_because "corpus: $f missing"
  done
  # Only the tool's own assemblies, their PDBs and JSON manifests: no XML docs, no satellite
  # assemblies, no generator, nothing outside tools/net10.0/any.
  local unexpected
  unexpected=$(grep -vE '^(corpus\.nuspec|README\.md|\[Content_Types\]\.xml|_rels/\.rels|package/services/metadata/core-properties/[^/]+\.psmdcp|tools/net10\.0/any/DotnetToolSettings\.xml|tools/net10\.0/any/[A-Za-z0-9.]+\.(dll|pdb|json))$' "$files" || true)
  [ -z "$unexpected" ] || fail_because "corpus: unexpected files: $unexpected"
  expect_file_lacks "$files" 'Generators' "corpus: generator packed into the tool"
  check_common_metadata corpus
  expect_file_has "$work/corpus.nuspec" '<packageType name="DotnetTool" />' "corpus: package type"
  unzip -p "$feed/corpus.$version.nupkg" tools/net10.0/any/DotnetToolSettings.xml >"$work/DotnetToolSettings.xml"
  expect_file_has "$work/DotnetToolSettings.xml" 'Name="corpus"' "corpus: command name"
  expect_file_lacks "$work/corpus.nuspec" '<dependency ' "corpus dependencies"
  check_symbols corpus tools/net10.0/any/corpus.pdb
}

write_nuget_config() {
  cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<!-- Adds the local folder feed to the machine's default package sources (no <clear/>). -->
<configuration>
  <packageSources>
    <add key="corpussdk-consumer-tests" value="$feed" />
  </packageSources>
</configuration>
EOF
  # Nothing from an enclosing directory (a Directory.Build.* above the temporary folder) may leak in.
  echo '<Project />' >"$work/Directory.Build.props"
  echo '<Project />' >"$work/Directory.Build.targets"
  echo '<Project />' >"$work/Directory.Packages.props"
}

# (a) A project of one's own: add the package, drop a seed into seeds/, build, use the typed member.
check_own_seed() {
  local dir="$work/own-seed"
  new_console "$dir" OwnSeed
  add_package "$dir" CorpusSdk
  mkdir -p "$dir/seeds"
  printf '%s\n' 'Hello from a consumer' '' 'By Jane Doe | 1 October, 2016' '' \
    'The first paragraph, with a “quotation” and a [link](https://example.org/a).' >"$dir/seeds/hello-corpus.txt"
  cat >"$dir/Program.cs" <<'EOF'
using System.Text;
using CorpusSdk;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Article article = OwnSeed.Corpus.hello_corpus;
// ToString(): on net10.0 Console.WriteLine(article.Title) is ambiguous (CS0121) between
// WriteLine(object) and WriteLine(ReadOnlySpan<char>), CorpusText converting implicitly to both.
Console.WriteLine(article.Title.ToString());
Console.WriteLine(article.Author.ToString());
Console.WriteLine(article.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
Console.WriteLine(OwnSeed.Corpus.Articles.Count);
Console.WriteLine(CorpusSdkInfo.Version);
Console.WriteLine(OwnSeed.Corpus.ContentHash.Length);
EOF
  (cd "$dir" && consumer dotnet build -nologo) | tee "$work/own-seed.build.log"
  expect_clean_build_log "$work/own-seed.build.log"
  local out
  out=$(cd "$dir" && dotnet run --no-build)
  echo "$out"
  expect_eq "$out" "$(printf '%s\n' 'Hello from a consumer' 'Jane Doe' '2016-10-01' 1 "$version" 64)" "own-seed output"
  # The compiler is given the generator and the seed (the query below sees both; see seeds-package).
  (cd "$dir" && consumer dotnet msbuild -nologo -t:ResolveLockFileAnalyzers -getItem:Analyzer -getItem:AdditionalFiles) >"$work/own-seed.items.json"
  expect_file_has "$work/own-seed.items.json" 'analyzers/dotnet/cs/CorpusSdk.Generators.dll' "the generator among the analyzers of a CorpusSdk consumer"
  expect_file_has "$work/own-seed.items.json" 'seeds/hello-corpus.txt' "the seed among the additional files of a CorpusSdk consumer"
  # CorpusSdkPairMinArticles reaches the index build step, and changing it re-runs the step (one article: the pair
  # index needs a threshold of 1; the default is 32 articles).
  local index
  index=$(ls "$dir"/obj/Debug/*/corpussdk/index.bin)
  expect_file_lacks "$index" 'PairArticlePostings' "a pair index at the default threshold of 32 articles"
  # The step keeps each seed's analysed piece beside the index (read again only when the seed changes).
  local pieces
  pieces=$(ls "$dir"/obj/Debug/*/corpussdk/pieces/*.piece | wc -l)
  expect_eq "$pieces" 1 "pieces in the index step's cache for one seed"
  (cd "$dir" && consumer dotnet build -nologo -p:CorpusSdkPairMinArticles=1) >"$work/own-seed.pairs.log"
  expect_file_has "$index" 'PairArticlePostings' "the pair index with CorpusSdkPairMinArticles=1"
  # CorpusSdkSearchModes reaches the index build step too: one mode indexed, a smaller index file, the same program.
  local all_modes one_mode
  all_modes=$(stat -c %s "$index")
  (cd "$dir" && consumer dotnet build -nologo -p:CorpusSdkPairMinArticles=1 -p:CorpusSdkSearchModes=LuceneCompatible) >"$work/own-seed.modes.log"
  expect_clean_build_log "$work/own-seed.modes.log"
  one_mode=$(stat -c %s "$index")
  [ "$one_mode" -lt $((all_modes / 2)) ] || fail_because "CorpusSdkSearchModes=LuceneCompatible: index file $one_mode bytes, $all_modes with every mode"
  out=$(cd "$dir" && dotnet run --no-build)
  expect_eq "$out" "$(printf '%s\n' 'Hello from a consumer' 'Jane Doe' '2016-10-01' 1 "$version" 64)" "own-seed output with one search mode"
}

# (a2) Own seeds and the compiled corpus package searched as one index (docs/search.md, "Several corpora at once").
check_own_and_package() {
  local dir="$work/own-and-package"
  new_console "$dir" OwnAndPackage
  add_package "$dir" CorpusSdk
  add_package "$dir" CorpusSdk.Seeds
  mkdir -p "$dir/seeds"
  printf '%s\n' 'Hello from a consumer' '' 'By Jane Doe | 1 October, 2016' '' \
    'Kerry said the first paragraph mentions إيران and كيري as well.' >"$dir/seeds/hello.txt"
  cat >"$dir/Program.cs" <<'EOF'
using System.Text;
using CorpusSdk;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var search = new MultiCorpusSearch(OwnAndPackage.Corpus.Instance, CorpusSdk.Seeds.Corpus.Instance);
using (SearchResults results = search.Search("كيري", new SearchOptions { Facets = true }))
{
    Console.WriteLine(results.TotalCount);
    foreach (RankedHit hit in results.Hits)
        Console.WriteLine($"{hit.CorpusIndex} {search.GetArticle(hit).Id}");
    Console.WriteLine(results.AuthorFacets.Length);
}
EOF
  (cd "$dir" && consumer dotnet build -nologo) | tee "$work/own-and-package.build.log"
  expect_clean_build_log "$work/own-and-package.build.log"
  local out
  out=$(cd "$dir" && dotnet run --no-build)
  echo "$out"
  expect_eq "$out" "$(printf '%s\n' 2 '1 000_8fbc388ac0ad8ee7' '0 hello' 2)" "own-and-package output"
}

# (a3) The ReadyToRun image of the package (docs/packaging.md, "ReadyToRun"): loaded by a portable app on linux-x64, and
# accepted by Native AOT as its input.
check_ready_to_run() {
  local dir="$work/ready-to-run"
  new_console "$dir" ReadyToRun
  add_package "$dir" CorpusSdk
  mkdir -p "$dir/seeds"
  cp "$repo"/seeds/*.txt "$dir/seeds/"
  cat >"$dir/Program.cs" <<'EOF'
using System.Reflection.PortableExecutable;
using CorpusSdk;

long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
int count;
using (SearchResults results = ReadyToRun.Corpus.Search("كيري"))
{
    count = results.TotalCount;
}

long jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - methods;
Console.WriteLine(count);
string location = LocationOf(typeof(Article).Assembly);
if (location.Length == 0)
{
    Console.WriteLine("native");
    return;
}

using var pe = new PEReader(File.OpenRead(location));
Console.WriteLine(Path.GetRelativePath(AppContext.BaseDirectory, location) + " " + (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0 ? "ReadyToRun" : "IL"));
// With the IL assembly the first query jits ~300 methods; with the image, about 15.
Console.WriteLine(jitted < 60 ? "few methods jitted" : "the first query jitted " + jitted + " methods");

// Empty in a native build, which prints "native" instead.
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Checked for empty.")]
static string LocationOf(System.Reflection.Assembly assembly) => assembly.Location;
EOF
  (cd "$dir" && consumer dotnet build -c Release -nologo) | tee "$work/ready-to-run.build.log"
  expect_clean_build_log "$work/ready-to-run.build.log"
  local out
  out=$(cd "$dir" && dotnet bin/Release/net10.0/ReadyToRun.dll)
  echo "$out"
  expect_eq "$out" "$(printf '%s\n' 1 'runtimes/linux-x64/lib/net10.0/CorpusSdk.dll ReadyToRun' 'few methods jitted')" "ready-to-run output (JIT build)"
  (cd "$dir" && consumer dotnet publish -c Release -r linux-x64 -p:PublishAot=true -o "$work/ready-to-run-aot" -nologo) | tee "$work/ready-to-run.aot.log"
  expect_clean_build_log "$work/ready-to-run.aot.log"
  out=$("$work/ready-to-run-aot/ReadyToRun")
  echo "$out"
  expect_eq "$out" "$(printf '%s\n' 1 native)" "ready-to-run output (Native AOT)"
}

# (b) The compiled corpus package: the real seed's title; the generator must not run here.
check_seeds_package() {
  local dir="$work/seeds-package"
  new_console "$dir" SeedsConsumer
  add_package "$dir" CorpusSdk.Seeds
  # If CorpusSdk's generator or seeds/ convention flowed through CorpusSdk.Seeds, this file would become
  # a SeedsConsumer.Corpus class (and the malformed byline would even fail the build).
  mkdir -p "$dir/seeds"
  printf '%s\n' 'Not a corpus of mine' '' 'By Nobody | 1 Smarch, 2016' '' 'Text.' >"$dir/seeds/not-mine.txt"
  cat >"$dir/Program.cs" <<'EOF'
using System.Text;
using CorpusSdk;
using CorpusSdk.Seeds;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Console.WriteLine(Corpus._000_8fbc388ac0ad8ee7.Title.ToString());
Console.WriteLine(CorpusSdkSeedsInfo.Version);
Console.WriteLine(CorpusSdkInfo.Version);
Console.WriteLine(CorpusSdkSeedsInfo.ContentHash == Corpus.ContentHash && Corpus.ContentHash.Length == 64);
bool generated = Array.Exists(typeof(Program).Assembly.GetTypes(), t => t.Name == "Corpus");
Console.WriteLine(generated ? "GENERATED CORPUS" : "no generated corpus");
EOF
  (cd "$dir" && consumer dotnet build -nologo) | tee "$work/seeds-package.build.log"
  expect_clean_build_log "$work/seeds-package.build.log"
  local out
  out=$(cd "$dir" && dotnet run --no-build)
  echo "$out"
  expect_eq "$out" "$(printf '%s\n' "$real_title" "$version" "$version" True 'no generated corpus')" "seeds-package output"
  # And the compiler is given no CorpusSdk analyzer and no seed files at all.
  (cd "$dir" && consumer dotnet msbuild -nologo -t:ResolveLockFileAnalyzers -getItem:Analyzer -getItem:AdditionalFiles) >"$work/seeds-package.items.json"
  expect_file_lacks "$work/seeds-package.items.json" 'CorpusSdk\.Generators|not-mine\.txt|CorpusSdkSeed' "analyzers/additional files of a CorpusSdk.Seeds consumer"
}

# (c) The tool, installed from the feed into a tool path.
check_tool() {
  (cd "$work" && consumer dotnet tool install corpus --version "$version" --tool-path "$work/tools")
  local out
  out=$(LANG=C LC_ALL=C "$work/tools/corpus" list)
  echo "$out"
  grep -qxF "$real_list_line" <<<"$out" || fail_because "corpus list: the real seed's line is missing"
  local v
  v=$("$work/tools/corpus" --version)
  # The informational version is <version>+<commit>; off the public branch the package version also
  # carries -g<commit>, which the informational version does not (docs/versioning.md).
  local base=$version
  if [[ "$version" =~ ^(.+)-g[0-9a-f]+$ ]]; then base=${BASH_REMATCH[1]}; fi
  [[ "$v" == "$base+"* || "$v" == "$base" ]] || fail_because "corpus --version: $v (package $version)"
}

# (d) A malformed seed: the build fails and names the file, line and column.
check_malformed_seed() {
  local dir="$work/malformed-seed"
  new_console "$dir" MalformedSeed
  add_package "$dir" CorpusSdk
  mkdir -p "$dir/seeds"
  printf '%s\n' 'عنوان' '' 'كتبه سارة علي | 1 برمودا, 2016' '' 'فقرة.' >"$dir/seeds/bad.txt"
  local status=0
  (cd "$dir" && consumer dotnet build -nologo) >"$work/malformed.build.log" 2>&1 || status=$?
  cat "$work/malformed.build.log"
  [ "$status" -ne 0 ] || fail_because "dotnet build exited 0 with a malformed seed"
  expect_file_has "$work/malformed.build.log" "$dir/seeds/bad.txt(3,19): error CSDK005" "CSDK005 at seeds/bad.txt(3,19)"
}

# (e) The oldest supported consumer: net8.0, C# 12. Build only.
check_net8_csharp12() {
  local dir="$work/net8-csharp12"
  new_console "$dir" Net8Consumer --langVersion 12
  sed -i 's#<TargetFramework>net10.0</TargetFramework>#<TargetFramework>net8.0</TargetFramework>#' "$dir/Net8Consumer.csproj"
  grep -qF '<TargetFramework>net8.0</TargetFramework>' "$dir/Net8Consumer.csproj" || fail_because "could not target net8.0"
  grep -qF '<LangVersion>12</LangVersion>' "$dir/Net8Consumer.csproj" || fail_because "LangVersion 12 not set"
  add_package "$dir" CorpusSdk
  mkdir -p "$dir/seeds"
  # The real seed (Arabic text, quotations, links, headings, pull quotes) exercises all generated code.
  cp "$repo/seeds/$real_id.txt" "$dir/seeds/"
  cat >"$dir/Program.cs" <<'EOF'
using CorpusSdk;

Article article = Net8Consumer.Corpus._000_8fbc388ac0ad8ee7;
int characters = 0;
foreach (Block block in article.Blocks) { characters += block.Text.Length; }
Console.WriteLine($"{article.Title} {characters} {article.Quotes.Count} {article.Links.Count} {Net8Consumer.Corpus.ContentHash}");
EOF
  (cd "$dir" && consumer dotnet build -nologo) | tee "$work/net8.build.log"
  expect_clean_build_log "$work/net8.build.log"
  [ -f "$dir/bin/Debug/net8.0/Net8Consumer.dll" ] || fail_because "no net8.0 assembly built"
}

# Native AOT: publish the CLI for linux-x64, compare its output with the JIT build, measure it.
check_native_aot() {
  local rid=linux-x64 aot="$work/aot" jit="$work/jit"
  local start end
  start=$(date +%s)
  dotnet publish "$repo/src/CorpusSdk.Cli" -c Release -r "$rid" -o "$aot" -nologo
  end=$(date +%s)
  echo "native AOT publish: $((end - start)) s"
  [ -x "$aot/corpus" ] || fail_because "no native binary"
  # A native binary: an ELF file, no corpus.dll next to it.
  [ "$(head -c 4 "$aot/corpus" | od -An -c | tr -d ' ')" = '177ELF' ] || fail_because "corpus is not an ELF binary"
  [ ! -e "$aot/corpus.dll" ] || fail_because "corpus.dll next to the native binary: not an AOT publish"
  dotnet build "$repo/src/CorpusSdk.Cli" -c Release -o "$jit" -nologo -v q >/dev/null
  local args
  for args in "list" "show $real_id" "export --format json" "export --format jsonl"; do
    # shellcheck disable=SC2086
    "$aot/corpus" $args >"$work/aot.out" 2>&1 || fail_because "native 'corpus $args' failed: $(head -c 2000 "$work/aot.out")"
    # shellcheck disable=SC2086
    "$jit/corpus" $args >"$work/jit.out" 2>&1 || fail_because "JIT 'corpus $args' failed"
    cmp -s "$work/aot.out" "$work/jit.out" || fail_because "native and JIT 'corpus $args' differ"
    echo "same output: corpus $args"
  done
  grep -qxF "$real_list_line" < <("$aot/corpus" list) || fail_because "native corpus list: the real seed's line is missing"

  # Start-up: 20 runs of `corpus list` each, after one warm-up run.
  local runs=20 t0 t1 aot_ns jit_ns
  "$aot/corpus" list >/dev/null && "$jit/corpus" list >/dev/null
  t0=$(date +%s%N); for _ in $(seq $runs); do "$aot/corpus" list >/dev/null; done; t1=$(date +%s%N)
  aot_ns=$(((t1 - t0) / runs))
  t0=$(date +%s%N); for _ in $(seq $runs); do "$jit/corpus" list >/dev/null; done; t1=$(date +%s%N)
  jit_ns=$(((t1 - t0) / runs))
  local aot_size jit_size
  aot_size=$(stat -c %s "$aot/corpus")
  jit_size=$(find "$jit" -maxdepth 1 -type f \( -name '*.dll' -o -name corpus -o -name '*.json' \) -printf '%s\n' | awk '{s += $1} END {print s}')
  echo "native AOT: binary $aot_size bytes; 'corpus list' $((aot_ns / 1000)) µs per run (mean of $runs)"
  echo "JIT build:  apphost + assemblies $jit_size bytes (plus the shared .NET runtime); 'corpus list' $((jit_ns / 1000)) µs per run"
  echo "start-up ratio JIT/AOT: $(awk "BEGIN {printf \"%.1f\", $jit_ns / $aot_ns}")x"
}

# The README path of a new user, word for word: the bash blocks of "Using it in your own project", run in
# order in one shell that starts in a fresh clone named corpussdk/ (as `git clone` names it), with the
# README's C# example written to Program.cs where step 4 says so. Only the environment differs: an
# isolated NUGET_PACKAGES, so a package with this version is never served from an older build.
check_readme() {
  local clone="$readme_root/corpussdk" script="$readme_root/readme-steps.sh" program="$readme_root/Program.cs"
  # Nothing from an enclosing directory may leak into the app beside the clone.
  echo '<Project />' >"$readme_root/Directory.Build.props"
  echo '<Project />' >"$readme_root/Directory.Build.targets"
  git clone -q "$repo" "$clone"
  # The commit under test (a clone checks out the source's current branch, normally this commit already).
  [ "$(git -C "$clone" rev-parse HEAD)" = "$commit" ] || git -C "$clone" checkout -q "$commit"
  [ ! -e "$clone/artifacts" ] && [ ! -e "$clone/src/CorpusSdk/bin" ] || fail_because "the fresh clone is not fresh"

  # The README's first C# block: the example at the top of the page.
  awk '/^```csharp$/ {inside = 1; next} inside && /^```$/ {exit} inside' "$repo/README.md" >"$program"
  grep -qF 'Corpus._000_8fbc388ac0ad8ee7' "$program" || fail_because "README: no C# example found"

  # The indented bash blocks (numbered steps) of the section, one file each.
  awk -v dir="$readme_root" '
    /^## Using it in your own project/ {section = 1; next}
    section && /^## / {exit}
    section && /^   ```bash$/ {n++; file = dir "/step" n ".sh"; printf "" >file; next}
    section && file != "" && /^   ```$/ {close(file); file = ""; next}
    file != "" {sub(/^   /, ""); print >>file}
  ' "$repo/README.md"
  local steps
  steps=$(find "$readme_root" -maxdepth 1 -name 'step*.sh' | wc -l)
  expect_eq "$steps" 4 "README: number of steps in 'Using it in your own project'"
  grep -qxF 'dotnet pack CorpusSdk.sln -c Release -o artifacts' "$readme_root/step1.sh" || fail_because "README step 1 is not the pack command"
  {
    echo 'set -euxo pipefail'
    cat "$readme_root/step1.sh" "$readme_root/step2.sh" "$readme_root/step3.sh"
    echo "cp '$program' Program.cs  # step 4: \"replace Program.cs with the example at the top of this page\""
    cat "$readme_root/step4.sh"
  } >"$script"
  cat "$script"

  local out
  out=$(cd "$clone" && NUGET_PACKAGES="$readme_root/nuget-packages" bash "$script" 2>"$readme_root/steps.log") ||
    { tail -n 60 "$readme_root/steps.log"; fail_because "the README steps failed"; }
  tail -n 30 "$readme_root/steps.log"
  echo "$out" | tail -n 5
  local n
  for n in CorpusSdk CorpusSdk.Seeds corpus; do
    compgen -G "$clone/artifacts/$n.[0-9]*.nupkg" >/dev/null || fail_because "README pack: no $n package in artifacts/"
  done
  ls -1 "$clone/artifacts"
  grep -qxF "$real_title" <<<"$out" || fail_because "README app: the title is not printed"
  grep -qF '[لإيران]' <<<"$out" || fail_because "README app: no snippet for إيران"
}

# Where no version can be computed, the build stops with one line (Directory.Build.targets), not a stack trace.
expect_one_line_failure() { # dir log expected-text
  local status=0
  (cd "$1" && dotnet build generators/CorpusSdk.Generators -nologo) >"$2" 2>&1 || status=$?
  cat "$2"
  [ "$status" -ne 0 ] || fail_because "the build succeeded in $1"
  expect_file_has "$2" "$3" "the error line"
  expect_file_lacks "$2" 'Exception|^ +at |error CS' "a stack trace or a compiler error instead of the one line"
}

check_shallow_clone() {
  git clone -q --depth 1 "file://$repo" "$work/shallow"
  [ -f "$work/shallow/.git/shallow" ] || fail_because "the clone is not shallow"
  expect_one_line_failure "$work/shallow" "$work/shallow.log" "error : This is a shallow git clone: versions are computed from the full git history"
}

check_source_archive() {
  mkdir -p "$work/archive"
  git -C "$repo" archive HEAD | tar -x -C "$work/archive"
  [ ! -e "$work/archive/.git" ] || fail_because "the archive has a .git"
  expect_one_line_failure "$work/archive" "$work/archive.log" "error : No git repository at '$work/archive/': versions are computed from the git history"
}

# ---------------------------------------------------------------------------------------------------

# Runs one check in a subshell with `set -e`, so that any failing command or assertion ends it. Never
# call run_check in a condition (`if run_check`, `run_check || ...`): bash ignores set -e everywhere
# under a condition, subshells included. Its outcome is in $last_status.
last_status=0
run_check() { # name function
  local name=$1 fn=$2 log="$work/logs/$1.log" t0 t1 status
  t0=$(date +%s)
  set +e
  ( set -e; "$fn" ) >"$log" 2>&1
  status=$?
  set -e
  t1=$(date +%s)
  local seconds=$((t1 - t0)) outcome
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1)); outcome=Passed
    echo "ok    $name ($seconds s)"
  else
    failed=$((failed + 1)); outcome=Failed
    echo "FAIL  $name ($seconds s); last lines of its log:"
    tail -n 40 "$log" | sed 's/^/      /'
  fi
  trx_results+=$'\n'"    <UnitTestResult testName=\"consumer.$name\" outcome=\"$outcome\" duration=\"$(printf '%02d:%02d:%02d' $((seconds / 3600)) $((seconds % 3600 / 60)) $((seconds % 60)))\" />"
  last_status=$status
}

echo "consumer tests in $work"
run_check pack check_pack
if [ "$last_status" -eq 0 ]; then
  version=$(cat "$work/version")
  echo "packages: version $version"
  sed -n 's/^ *\([0-9]\+\)  \(.*pkg\)$/  \2 \1 bytes/p' "$work/logs/pack.log"
  write_nuget_config
  run_check package-CorpusSdk check_package_corpussdk
  run_check package-CorpusSdk.Seeds check_package_seeds
  run_check package-corpus check_package_tool
  run_check own-seed check_own_seed
  run_check own-and-package check_own_and_package
  run_check seeds-package check_seeds_package
  run_check tool check_tool
  run_check malformed-seed check_malformed_seed
  run_check ready-to-run check_ready_to_run
  run_check net8-csharp12 check_net8_csharp12
  run_check native-aot check_native_aot
  run_check readme check_readme
  grep -E '^(native AOT|JIT build|start-up ratio)' "$work/logs/native-aot.log" | sed 's/^/  /' || true
fi

run_check shallow-clone check_shallow_clone
run_check source-archive check_source_archive

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
