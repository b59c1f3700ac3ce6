#!/usr/bin/env bash
# Runs every check and test of Castor: what CI runs (.ci/run calls this), what a developer runs.
#   1. installs what the tests need (scripts/setup.sh)
#   2. checks the layering (scripts/check-layers.sh) and the formatting (swift format lint)
#   3. builds once, in debug, with the tests, and runs every test (unit, then real processes and peers)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"

scripts/setup.sh
scripts/check-layers.sh

echo "== swift format lint"
lint=$(swift format lint --recursive --parallel Package.swift Sources Tests 2>&1 || true)
if [ -n "$lint" ]; then
    echo "$lint" | head -50
    echo "swift format: $(echo "$lint" | wc -l) findings; run: swift format -i -r Package.swift Sources Tests" >&2
    exit 1
fi

echo "== build"
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]|unhandled; explicitly declare|CMakeLists.txt$' || true
swift build --build-tests -q >/dev/null

echo "== test"
# The integration tests run the built `castor` binary; they find it beside the test bundle.
swift test --skip-build --disable-xctest "$@"
