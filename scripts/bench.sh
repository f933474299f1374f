#!/usr/bin/env bash
# Release build, then the parse benchmark. Extra arguments go to `sciplan bench parse`,
# e.g. scripts/bench.sh --megabytes 20 --iterations 7
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product sciplan
exec .build/release/sciplan bench parse "$@"
