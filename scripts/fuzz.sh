#!/usr/bin/env bash
# Build and run the libFuzzer harnesses in Fuzz/ (not SwiftPM targets).
#
#   scripts/fuzz.sh [text|docx|all] [SECONDS]     fuzz each target SECONDS (default 600)
#   scripts/fuzz.sh replay [text|docx] FILE...    run inputs once through a fuzzer
#   scripts/fuzz.sh build                         only build the fuzzers
#
# text: bytes → String(decoding:) → PlanParser.parse
# docx: bytes → PlanReader.read (format detection, decoding, .docx, parser)
#
# ZIPFoundation and PlanText are compiled with swiftc -sanitize=fuzzer,address into
# .build-fuzz/. The corpus lives in fuzz-corpus/<target>/ (kept between runs),
# findings in fuzz-artifacts/<target>-{crash,timeout,oom,leak}-*. Exits non-zero
# when a run produced a finding. `all` runs both targets side by side.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/.build-fuzz"
CORPUS="$ROOT/fuzz-corpus"
ARTIFACTS="$ROOT/fuzz-artifacts"
ZIP="$ROOT/.build/checkouts/ZIPFoundation"
MAX_LEN="${FUZZ_MAX_LEN:-65536}"
# A hang is a finding: libFuzzer's -timeout is per input.
FUZZ_FLAGS=(-max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1)
# Without this the Swift runtime's backtracer takes the crash and libFuzzer never
# writes the crashing input.
export SWIFT_BACKTRACE=enable=no
# Leak checks are off: the Swift runtime and Foundation keep caches that LSan may
# report. Set ASAN_OPTIONS=detect_leaks=1 to look for real per-input leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1:symbolize=1}"

SWIFTC_FLAGS=(-O -g -parse-as-library -sanitize=fuzzer,address -package-name sciplan
  -I "$BUILD" -I "$ZIP/Sources/CZLib" -Xcc -D_GNU_SOURCE=1)
# gold warns about every ASan helper symbol; lld ships with the toolchain.
LINK_FLAGS=()
if command -v ld.lld >/dev/null; then LINK_FLAGS=(-use-ld=lld); fi

die() { echo "fuzz.sh: $*" >&2; exit 2; }

entry_of() {
  case "$1" in
    text) echo "$ROOT/Fuzz/ParseTextFuzz.swift" ;;
    docx) echo "$ROOT/Fuzz/ReadDocumentFuzz.swift" ;;
    *) die "unknown target '$1' (text|docx)" ;;
  esac
}

# True when $1 is missing or older than any of the other files.
stale() {
  local out="$1"; shift
  [[ -e "$out" ]] || return 0
  local f
  for f in "$@"; do [[ "$f" -nt "$out" ]] && return 0; done
  return 1
}

# Compile a library module to one object: name, language mode, sources...
build_module() {
  local name="$1" mode="$2"; shift 2
  if stale "$BUILD/$name.o" "$@" "$0"; then
    echo "fuzz.sh: compiling $name ($# files)"
    swiftc "${SWIFTC_FLAGS[@]}" -swift-version "$mode" -module-name "$name" -wmo -emit-module \
      -emit-module-path "$BUILD/$name.swiftmodule" -c -o "$BUILD/$name.o" "$@"
    # swiftc leaves an unchanged object untouched; mark it fresh for stale().
    touch "$BUILD/$name.o"
  fi
}

build() {
  command -v swiftc >/dev/null || die "swiftc not found"
  if [[ ! -d "$ZIP/Sources/ZIPFoundation" ]]; then
    echo "fuzz.sh: resolving packages"
    swift package resolve
  fi
  mkdir -p "$BUILD"
  local zip_sources plan_sources
  mapfile -t zip_sources < <(find "$ZIP/Sources/ZIPFoundation" -name '*.swift' | sort)
  mapfile -t plan_sources < <(find "$ROOT/Sources/PlanText" -name '*.swift' | sort)
  build_module ZIPFoundation 5 "${zip_sources[@]}"
  # PlanText builds in Swift 6 language mode, as in Package.swift (tools-version 6.0).
  if stale "$BUILD/PlanText.o" "$BUILD/ZIPFoundation.o"; then rm -f "$BUILD/PlanText.o"; fi
  build_module PlanText 6 "${plan_sources[@]}"
  local t entry
  for t in text docx; do
    entry="$(entry_of "$t")"
    if stale "$BUILD/fuzz-$t" "$entry" "$BUILD/PlanText.o" "$BUILD/ZIPFoundation.o"; then
      echo "fuzz.sh: linking fuzz-$t"
      swiftc "${SWIFTC_FLAGS[@]}" -swift-version 6 -module-name "Fuzz_$t" "$entry" \
        "$BUILD/PlanText.o" "$BUILD/ZIPFoundation.o" -lz "${LINK_FLAGS[@]}" -o "$BUILD/fuzz-$t"
    fi
  done
}

seed() {
  local t="$1" dir="$CORPUS/$1"
  mkdir -p "$dir"
  cp -n "$ROOT"/Seeds/plans/*.txt "$dir"/ 2>/dev/null || true
  if [[ "$t" == docx ]]; then
    python3 "$ROOT/scripts/make_docx_seeds.py" "$dir" "$ROOT"/Seeds/plans/*.txt
  fi
}

# Print the figures of one run from its log.
figures() {
  local t="$1" log="$2" status cov runs eps rss added
  status="$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)"
  cov="$(sed -nE 's/.* cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+)\/([^ ]+).*/cov=\1 ft=\2 corpus=\3 (\4)/p' <<<"$status")"
  runs="$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)"
  eps="$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -1)"
  rss="$(sed -nE 's/^stat::peak_rss_mb: *([0-9]+)/\1/p' "$log" | tail -1)"
  added="$(sed -nE 's/^stat::new_units_added: *([0-9]+)/\1/p' "$log" | tail -1)"
  printf '%-5s runs=%s exec/s=%s %s new_units=%s peak_rss=%sMB\n' \
    "$t" "${runs:-?}" "${eps:-?}" "${cov:-cov=?}" "${added:-?}" "${rss:-?}"
}

run_target() {
  local t="$1" seconds="$2"
  "$BUILD/fuzz-$t" "${FUZZ_FLAGS[@]}" -max_total_time="$seconds" \
    -artifact_prefix="$ARTIFACTS/$t-" "$CORPUS/$t" >"$ARTIFACTS/$t.log" 2>&1
}

fuzz() {
  local which="$1" seconds="$2" targets t failed=0
  case "$which" in
    all) targets=(text docx) ;;
    text|docx) targets=("$which") ;;
    *) die "unknown target '$which' (text|docx|all)" ;;
  esac
  [[ "$seconds" =~ ^[0-9]+$ ]] || die "SECONDS must be a number, got '$seconds'"
  build
  mkdir -p "$ARTIFACTS"
  local stamp="$ARTIFACTS/.stamp-$$"
  touch "$stamp"
  declare -A pids=() codes=()
  for t in "${targets[@]}"; do
    seed "$t"
    echo "fuzz.sh: fuzzing $t for ${seconds}s (log: fuzz-artifacts/$t.log)"
    run_target "$t" "$seconds" & pids[$t]=$!
  done
  for t in "${targets[@]}"; do
    if wait "${pids[$t]}"; then codes[$t]=0; else codes[$t]=$?; fi
  done
  echo
  echo "== fuzz figures (${seconds}s per target, max_len=$MAX_LEN, timeout=10s)"
  for t in "${targets[@]}"; do
    figures "$t" "$ARTIFACTS/$t.log"
    local found
    found="$(find "$ARTIFACTS" -maxdepth 1 -newer "$stamp" \
      \( -name "$t-crash-*" -o -name "$t-timeout-*" -o -name "$t-oom-*" -o -name "$t-leak-*" \) | sort)"
    if [[ -n "$found" ]]; then
      failed=1
      echo "      FINDINGS (replay with: scripts/fuzz.sh replay $t FILE):"
      sed 's/^/        /' <<<"$found"
      grep -E 'ERROR: |Fatal error|SUMMARY' "$ARTIFACTS/$t.log" | head -5 | sed 's/^/        /'
    elif [[ "${codes[$t]}" != 0 ]]; then
      failed=1
      echo "      fuzzer exited with ${codes[$t]} and no artifact; see fuzz-artifacts/$t.log"
      tail -5 "$ARTIFACTS/$t.log" | sed 's/^/        /'
    fi
  done
  rm -f "$stamp"
  return "$failed"
}

demangle() {
  if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi
}

replay() {
  local targets=(text docx)
  if [[ "${1:-}" == text || "${1:-}" == docx ]]; then targets=("$1"); shift; fi
  [[ $# -gt 0 ]] || die "replay needs at least one input file"
  build
  local f t status=0
  for f in "$@"; do
    [[ -f "$f" ]] || die "no such file: $f"
    local use=("${targets[@]}")
    # Artifacts are named after their target; run them through that one only.
    case "$(basename "$f")" in text-*) use=(text) ;; docx-*) use=(docx) ;; esac
    for t in "${use[@]}"; do
      echo "== $t: $f"
      if ! "$BUILD/fuzz-$t" -timeout=10 -rss_limit_mb=4096 "$f" 2>&1 | demangle; then status=1; fi
    done
  done
  return "$status"
}

case "${1:-all}" in
  replay) shift; replay "$@" ;;
  build) build ;;
  *) fuzz "${1:-all}" "${2:-600}" ;;
esac
