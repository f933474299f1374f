#!/usr/bin/env bash
# Checks that `sciplan eval` computes exactly what the corpus scorer score.py
# computes: the same JSON (`--json`) and the same table, byte for byte, on
#   - the gold files scored against themselves,
#   - perturbed copies of the gold files (scripts/perturb_predictions.py),
#   - random small gold/prediction folders with odd values (scripts/fuzz_scorer_inputs.py),
#   - the predictions `sciplan eval GOLD DOCS --out DIR` writes from the documents,
# and that both refuse the inputs on which score.py raises.
#
# usage: scripts/check-scorer.sh [VARIANTS] [FUZZ_CASES]
# Needs python3 and the scorer, Tests/Fixtures/score.py (a copy of
# ../shared/plan-corpus/score.py; override with SCORE_PY=...); without them it
# says so and fails: a check that cannot run has not passed.
set -euo pipefail
cd "$(dirname "$0")/.."

SCORE_PY=${SCORE_PY:-Tests/Fixtures/score.py}
if ! command -v python3 >/dev/null; then
    echo "check-scorer: python3 not found." >&2
    exit 1
fi
if [ ! -f "$SCORE_PY" ]; then
    echo "check-scorer: $SCORE_PY not found." >&2
    exit 1
fi
VARIANTS=${1:-20}
FUZZ=${2:-60}
GOLD=Seeds/gold
DOCS=Seeds/plans

swift build -q --product sciplan
SCIPLAN="$(swift build --show-bin-path)/sciplan"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

checked=0
failed=0

# compare LABEL GOLD_DIR PRED_DIR: score.py and `sciplan eval --predictions`, JSON and table.
compare() {
    local label=$1 gold=$2 pred=$3
    for mode in --json ""; do
        local py_rc=0 sw_rc=0
        python3 "$SCORE_PY" "$gold" "$pred" $mode >"$TMP/py.out" 2>"$TMP/py.err" || py_rc=$?
        "$SCIPLAN" eval "$gold" --predictions "$pred" $mode >"$TMP/sw.out" 2>"$TMP/sw.err" || sw_rc=$?
        checked=$((checked + 1))
        if [ $py_rc -ne 0 ] || [ $sw_rc -ne 0 ]; then
            if [ $py_rc -ne 0 ] && [ $sw_rc -ne 0 ]; then
                continue   # both refuse: score.py raised, sciplan reported an error
            fi
            echo "FAIL $label ${mode:-table}: score.py exit $py_rc, sciplan exit $sw_rc"
            tail -3 "$TMP/py.err" "$TMP/sw.err"
            failed=$((failed + 1))
        elif ! diff -u "$TMP/py.out" "$TMP/sw.out" >"$TMP/diff"; then
            echo "FAIL $label ${mode:-table}: outputs differ"
            head -40 "$TMP/diff"
            failed=$((failed + 1))
        fi
    done
}

compare "gold vs gold" "$GOLD" "$GOLD"

python3 scripts/perturb_predictions.py "$GOLD" "$TMP/perturbed" "$VARIANTS" 1
for dir in "$TMP"/perturbed/*/; do
    compare "perturbed $(basename "$dir")" "$GOLD" "$dir"
done

python3 scripts/fuzz_scorer_inputs.py "$TMP/fuzz" "$FUZZ" 7
for dir in "$TMP"/fuzz/*/; do
    compare "fuzz $(basename "$dir")" "$dir/gold" "$dir/pred"
done

# Inputs on which score.py raises: both must fail.
mkdir -p "$TMP/crash/gold" "$TMP/crash/pred"
echo '{"nodes": [{"title": "no id"}]}' >"$TMP/crash/gold/a.json"
compare "crash: gold node without id" "$TMP/crash/gold" "$TMP/crash/pred"
rm "$TMP/crash/gold/a.json"
echo '{"issuers": [null, "a"]}' >"$TMP/crash/gold/b.json"
compare "crash: null among issuers" "$TMP/crash/gold" "$TMP/crash/pred"

# The documents themselves: what `eval` scores is what it writes with --out.
if [ -d "$DOCS" ]; then
    "$SCIPLAN" eval "$GOLD" "$DOCS" --json --out "$TMP/parsed" >"$TMP/sw.out" 2>"$TMP/sw.err" || true
    python3 "$SCORE_PY" "$GOLD" "$TMP/parsed" --json >"$TMP/py.out"
    checked=$((checked + 1))
    if ! diff -u "$TMP/py.out" "$TMP/sw.out" >"$TMP/diff"; then
        echo "FAIL documents: eval GOLD DOCS differs from score.py on its --out predictions"
        head -40 "$TMP/diff"
        failed=$((failed + 1))
    fi
fi

if [ $failed -ne 0 ]; then
    echo "check-scorer: $failed of $checked comparisons differ from score.py."
    exit 1
fi
echo "check-scorer: $checked comparisons, sciplan eval == score.py on all."
