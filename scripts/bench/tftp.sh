#!/usr/bin/env bash
# TFTP throughput: tftpd-hpa (Debian's in.tftpd, the lab guide's server) and castor provd (release build)
# serve the same firmware file, fetched by the same client (atftp) with the same options, one after the
# other; prints each server's throughput and the ratio, then the same with 4 clients fetching at once, then
# a storm of CLIENTS atftp fetching their phone's configuration at once from each server (a failed or
# timed-out fetch is counted).
#
#   scripts/bench/tftp.sh [MEGABYTES] [ROUNDS] [CLIENTS]     # default 32 MB, 5 rounds, 200 clients
#
# Goals (issue 4): at least tftpd-hpa's lock-step throughput; 3x it with windowsize 16 (tftp-hpa 5.2 has no
# RFC 7440 windowsize, so it answers that request lock-step: the comparison is what a phone asking for a
# window gets from each server); no client failing in the storm.
# Castor runs twice: as configured by default (a transfer polls its socket for 50 µs for the client's answer
# before sleeping, provd.tftp_busy_poll_us) and with that poll off, so the table shows what the poll buys on
# this machine and what the rest of the server does without it.
# Loopback only: both servers bind 127.0.0.1 on ports of their own; every fetch is bounded by atftp's own
# retries and by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes=${1:-32}
rounds=${2:-5}
clients=${3:-200}
hpa_port=16969
castor_port=16970
http_port=16971
nopoll_port=16972
nopoll_http_port=16973

for tool in atftp /usr/sbin/in.tftpd; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup.sh installs atftp, tftpd-hpa)" >&2; exit 1; }
done
echo "== building castor (release)"
swift build -c release --product castor 2>&1 | grep -E "error|Build complete" || true
castor=$(swift build -c release --show-bin-path)/castor

work=$(mktemp -d /tmp/castor-bench-tftp.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/hpa/firmware" "$work/data/firmware" "$work/nopoll/firmware" "$work/out"
head -c $((megabytes * 1024 * 1024)) /dev/urandom > "$work/hpa/firmware/fw.bin"
cp "$work/hpa/firmware/fw.bin" "$work/data/firmware/fw.bin"
cp "$work/hpa/firmware/fw.bin" "$work/nopoll/firmware/fw.bin"
cat > "$work/data/castor.yaml" <<YAML
log_level: warning
provd:
  listen: 127.0.0.1
  tftp_port: $castor_port
  http_port: $http_port
  server_address: 127.0.0.1
  allowed_networks: [127.0.0.0/8]
  # The storm's phones are all new: let them in (the default limit stops MAC enumeration at 30 a minute).
  unknown_device_limit: 100000
YAML
"$castor" lab init --data-dir "$work/data" >/dev/null
sed -e "s/$castor_port/$nopoll_port/; s/$http_port/$nopoll_http_port/" "$work/data/castor.yaml" > "$work/nopoll/castor.yaml"
echo "  tftp_busy_poll_us: 0" >> "$work/nopoll/castor.yaml"
"$castor" lab init --data-dir "$work/nopoll" >/dev/null

# The storm's files: for tftpd-hpa, the per-MAC configs Castor renders (static copies); Castor renders each.
/usr/sbin/in.tftpd -L -s "$work/hpa" -a 127.0.0.1:$hpa_port >"$work/hpa.log" 2>&1 &
hpa_pid=$!
"$castor" provd --data-dir "$work/data" >"$work/castor.log" 2>&1 &
castor_pid=$!
"$castor" provd --data-dir "$work/nopoll" >"$work/nopoll.log" 2>&1 &
nopoll_pid=$!
sleep 2
kill -0 $hpa_pid && kill -0 $castor_pid && kill -0 $nopoll_pid || {
    cat "$work"/*.log; echo "bench: a server did not start" >&2; exit 1
}
for i in $(seq 1 "$clients"); do
    mac=$(printf "000413CC%04X" "$i")
    curl -sf "http://127.0.0.1:$http_port/$mac.xml" -o "$work/hpa/$mac.xml"
done

# PARALLEL fetches of fw.bin at once (1 unless set) from port $1 with atftp options $2…; prints their total
# MB/s (fails on a corrupt file).
parallel=1
fetch_rate() {
    local port=$1; shift
    local options=() start end pids=()
    for option in "$@"; do options+=(--option "$option"); done
    rm -f "$work"/out/fw-*.bin
    start=$(date +%s.%N)
    for i in $(seq 1 "$parallel"); do
        timeout 300 atftp "${options[@]}" -g -r firmware/fw.bin -l "$work/out/fw-$i.bin" 127.0.0.1 "$port" \
            >/dev/null 2>&1 &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    end=$(date +%s.%N)
    for i in $(seq 1 "$parallel"); do
        cmp -s "$work/out/fw-$i.bin" "$work/hpa/firmware/fw.bin" || {
            echo "bench: corrupt or failed fetch from :$port" >&2; exit 1
        }
    done
    echo "$start $end" | awk -v mb="$((megabytes * parallel))" '{ printf "%.2f\n", mb / ($2 - $1) }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ROUNDS fetches from each server, alternating (so drift in the machine's load hits all alike); prints
# "hpa_median castor_median castor_without_poll_median" in MB/s.
compare() {
    local hpa_rates=() castor_rates=() nopoll_rates=()
    for _ in $(seq 1 "$rounds"); do
        hpa_rates+=("$(fetch_rate $hpa_port "$@")")
        castor_rates+=("$(fetch_rate $castor_port "$@")")
        nopoll_rates+=("$(fetch_rate $nopoll_port "$@")")
    done
    echo "$(printf "%s\n" "${hpa_rates[@]}" | median) $(printf "%s\n" "${castor_rates[@]}" | median)" \
        "$(printf "%s\n" "${nopoll_rates[@]}" | median)"
}

# Starts CLIENTS fetches at once from port $1; prints "ok failed seconds".
storm() {
    local port=$1 start end failed=0
    rm -rf "$work/storm"; mkdir -p "$work/storm"
    start=$(date +%s.%N)
    for i in $(seq 1 "$clients"); do
        mac=$(printf "000413CC%04X" "$i")
        ( timeout 60 atftp --option "blksize 1468" -g -r "$mac.xml" -l "$work/storm/$mac.xml" 127.0.0.1 "$port" \
            >/dev/null 2>&1 && cmp -s "$work/storm/$mac.xml" "$work/hpa/$mac.xml" || echo fail >> "$work/storm/failures" ) &
    done
    wait $(jobs -p | grep -v -e "^$hpa_pid$" -e "^$castor_pid$" -e "^$nopoll_pid$") 2>/dev/null || true
    end=$(date +%s.%N)
    [ -f "$work/storm/failures" ] && failed=$(wc -l < "$work/storm/failures")
    echo "$((clients - failed)) $failed $(echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }')"
}

echo "== firmware: ${megabytes} MB, $rounds fetches from each server in turn, atftp; median MB/s (in all, for 4 clients)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
printf "%-28s %12s %12s %7s %16s %7s\n" "client options" "tftpd-hpa" "castor" "ratio" "castor, no poll" "ratio"
for options in "blksize 512" "blksize 1468" "blksize 1468|windowsize 16" "4 clients|blksize 1468"; do
    IFS='|' read -r -a opts <<< "$options"
    parallel=1
    [ "${opts[0]}" = "4 clients" ] && { parallel=4; opts=("${opts[@]:1}"); }
    read -r hpa ours nopoll <<< "$(compare "${opts[@]}")"
    printf "%-28s %7s MB/s %7s MB/s %7s %11s MB/s %7s\n" "${options//|/, }" "$hpa" "$ours" "$(ratio "$ours" "$hpa")" \
        "$nopoll" "$(ratio "$nopoll" "$hpa")"
    [ "$options" = "blksize 1468" ] && lockstep_hpa=$hpa
    [ "$options" = "blksize 1468|windowsize 16" ] && windowed_castor=$ours
done
echo "windowsize 16 against tftpd-hpa lock-step (blksize 1468): $(ratio "$windowed_castor" "$lockstep_hpa") (goal 3x)"

echo "== storm: $clients clients at once, each fetching its own <MAC>.xml (blksize 1468)"
read -r ok failed seconds <<< "$(storm $hpa_port)"
echo "tftpd-hpa: $ok served, $failed failed, ${seconds} s"
read -r ok failed seconds <<< "$(storm $castor_port)"
echo "castor:    $ok served, $failed failed, ${seconds} s (goal: none failed)"
