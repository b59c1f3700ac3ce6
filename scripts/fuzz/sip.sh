#!/usr/bin/env bash
# Fuzzes the SIP codec (parser, serializer, typed headers, stream framer) with libFuzzer (built into Swift's
# toolchain on Linux), in a build folder of its own so the normal build is untouched. Crashes are written to
# .fuzz/sip/ as crash-* files; replay one with `swift run fuzz-sip FILE` and keep it as a fixture under
# Tests/CastorFuzzingTests (and its fix's test in Tests/SIPCodecTests).
#
#   scripts/fuzz/sip.sh [SECONDS]     # default 60
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
swift build -c debug --scratch-path .build-fuzz --product fuzz-sip \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -D -Xswiftc CASTOR_LIBFUZZER 2>&1 |
    grep -v "Cannot export local symbol" || true
binary=.build-fuzz/debug/fuzz-sip
corpus=.fuzz/sip/corpus
mkdir -p "$corpus" .fuzz/sip
# Seed the corpus with SIPFuzzTarget.seeds (written by the replay build of the same target) and the RFC 4475
# torture messages.
swift build -c debug --product fuzz-sip >/dev/null
.build/debug/fuzz-sip --seed "$corpus"
for file in Tests/SIPCodecTests/Fixtures/rfc4475/*/*.dat; do
    cp "$file" "$corpus/rfc4475-$(basename "$(dirname "$file")")-$(basename "$file")"
done
# Leak detection is off: the Swift runtime's metadata caches and lazy globals show up as leaks.
ASAN_OPTIONS=detect_leaks=0 "$binary" -detect_leaks=0 -max_len=8192 -max_total_time="$seconds" \
    -artifact_prefix=.fuzz/sip/ -print_final_stats=1 "$corpus"
