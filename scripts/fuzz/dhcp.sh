#!/usr/bin/env bash
# Fuzzes the DHCP codec and lease engine with libFuzzer (built into Swift's toolchain on Linux), in a build
# folder of its own so the normal build is untouched. Crashes are written to .fuzz/dhcp/ as crash-* files;
# replay one with `swift run fuzz-dhcp FILE` and keep it as a fixture under Tests/CastorFuzzingTests.
#
#   scripts/fuzz/dhcp.sh [SECONDS]     # default 60
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
swift build -c debug --scratch-path .build-fuzz --product fuzz-dhcp \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -D -Xswiftc CASTOR_LIBFUZZER 2>&1 |
    grep -v "Cannot export local symbol" || true
binary=.build-fuzz/debug/fuzz-dhcp
corpus=.fuzz/dhcp/corpus
mkdir -p "$corpus" .fuzz/dhcp
# Seed the corpus with the packets of DHCPFuzzTarget.seeds (written by the replay build of the same target).
swift build -c debug --product fuzz-dhcp >/dev/null
.build/debug/fuzz-dhcp --seed "$corpus"
# Leak detection is off: the Swift runtime's metadata caches and lazy globals show up as leaks.
ASAN_OPTIONS=detect_leaks=0 "$binary" -detect_leaks=0 -max_total_time="$seconds" -artifact_prefix=.fuzz/dhcp/ -print_final_stats=1 "$corpus"
