#!/usr/bin/env bash
# SIP registrations with digest auth: the same SIPp load (scripts/sipp/register_auth.xml: REGISTER → 401 →
# REGISTER with credentials → 200), in rate steps, against Kamailio 5.6 (registrar with auth_db on db_text,
# in-memory usrloc, 2 workers: the reference config of notes/sip-testing.md) and against castor pbx
# (release build), one after the other in one run (each rate against both before the next), same users and
# passwords. For each step it prints the rate SIPp achieved (its steady state: the median of its per-second
# periods), registrations done, failed calls,
# retransmissions, the server's CPU and the UDP datagrams dropped on a full socket buffer (all sockets / the
# server's); then the highest rate each server holds (achieved >= 97 % of the target, no failed
# registration, <= 0.1 % retransmissions) and the ratio (goal: at least 1x Kamailio).
#
#   scripts/bench/sip-register.sh [RATES] [SECONDS]      # default "5000 10000 … 28000 29000 … 33000" 10
#
# Both servers hold far more than the notes' 5,000/s once SIPp's socket buffers are large enough: the steps
# go up to where both break (about 30,000-32,000/s with the servers pinned to one core of this machine), by
# 1,000/s near the top.
#
# With PIN=1 (the default on 2+ cores) SIPp runs on CPU 0 and the server on CPU 1 (taskset), as the notes'
# side-by-side method says. Loopback only: both servers bind 127.0.0.1; every SIPp run is bounded by -m
# (rate x seconds calls) and by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
rates=${1:-"5000 10000 15000 20000 24000 26000 28000 29000 30000 31000 32000 33000"}
seconds=${2:-10}
users=90
kamailio_port=5090
castor_port=5070
sipp_port=5062
# SIPp's socket buffers (its default, 64 KiB, overflows at ~15,000/s with either server: the retransmissions
# then measure SIPp's socket, not the server; the drops column shows where datagrams were lost). 16 MiB
# also absorbs SIPp's own pauses near 28,000/s (about 56,000 answers a second reach it), which otherwise
# overflowed 4 MiB now and then: drops on SIPp's socket, none on the server's. The servers ask for their
# own 4 MiB (castor's default, Kamailio's maxbuffer below).
sipp_buffer=$((16 << 20))
# The kernel caps every SO_RCVBUF/SO_SNDBUF at net.core.rmem_max/wmem_max (Debian: 208 KiB): raised for the
# run to what SIPp asks, and restored at exit.
saved_rmem=$(sysctl -n net.core.rmem_max) saved_wmem=$(sysctl -n net.core.wmem_max)
restore_buffers() { sysctl -qw net.core.rmem_max="$saved_rmem" net.core.wmem_max="$saved_wmem" 2>/dev/null || true; }
[ "$saved_rmem" -ge "$sipp_buffer" ] || sysctl -qw net.core.rmem_max="$sipp_buffer"
[ "$saved_wmem" -ge "$sipp_buffer" ] || sysctl -qw net.core.wmem_max="$sipp_buffer"
trap restore_buffers EXIT
if [ "${PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    client_cpu="taskset -c 0"; server_cpu="taskset -c 1"
else
    client_cpu=""; server_cpu=""
fi
for tool in sipp kamailio; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup.sh installs sip-tester, kamailio)" >&2; exit 1; }
done
echo "== building castor (release)"
swift build -c release --product castor 2>&1 | grep -E "error|Build complete" || true
castor=$(swift build -c release --show-bin-path)/castor

work=$(mktemp -d /tmp/castor-bench-sip.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/run/kamailio.pid" ] && kill "$(cat "$work/run/kamailio.pid")" 2>/dev/null; rm -rf "$work"; restore_buffers' EXIT
mkdir -p "$work/dbtext" "$work/run" "$work/data" "$work/sipp"
echo "SEQUENTIAL" > "$work/users.csv"

# The same users everywhere: 1010…1099 in the lab's comptabilite context, password pw<exten>.
cp /usr/share/kamailio/dbtext/kamailio/version "$work/dbtext/version"
echo "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string)" > "$work/dbtext/subscriber"
cat > "$work/data/castor.yaml" <<YAML
log_level: warning
pbx:
  listen: 127.0.0.1
  sip_port: $castor_port
  tls_port: 0
  tcp: false
  qualify_frequency: 0
YAML
"$castor" lab init --data-dir "$work/data" >/dev/null
for i in $(seq 1 $users); do
    exten=$((1009 + i)); password="pw-$exten-bench"
    ha1=$(printf "%s" "$exten:127.0.0.1:$password" | md5sum | cut -d' ' -f1)
    ha1b=$(printf "%s" "$exten@127.0.0.1:127.0.0.1:$password" | md5sum | cut -d' ' -f1)
    echo "$i:$exten:127.0.0.1:$password:$ha1:$ha1b" >> "$work/dbtext/subscriber"
    echo "$exten;127.0.0.1;[authentication username=$exten password=$password]" >> "$work/users.csv"
    "$castor" user add --data-dir "$work/data" --name "Bench $exten" --context comptabilite --exten "$exten" \
        --secret "$password" >/dev/null
done

# maxbuffer: Kamailio probes its UDP receive buffer up to this (default 256 KiB); castor pbx asks for 4 MiB,
# so Kamailio gets the same room for a burst.
sed -e "s|ABS_DBTEXT|$work/dbtext|" -e "s|ABS_RUN|$work/run|" -e "s|PORT|$kamailio_port|g" > "$work/kamailio.cfg" <<'CFG'
#!KAMAILIO
debug=1
log_stderror=yes
children=2
maxbuffer=4194304
listen=udp:127.0.0.1:PORT
auto_aliases=no
alias="127.0.0.1:PORT"
disable_tcp=yes
dns=no
rev_dns=no
loadmodule "db_text.so"
loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "auth.so"
loadmodule "auth_db.so"
loadmodule "ctl.so"
modparam("ctl", "binrpc", "unix:ABS_RUN/kamailio_ctl")
modparam("usrloc", "db_mode", 0)
modparam("auth_db", "db_url", "text://ABS_DBTEXT")
modparam("auth_db", "calculate_ha1", no)
modparam("auth_db", "password_column", "ha1")
modparam("auth_db", "use_domain", 0)
request_route {
  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483","Too Many Hops"); exit; }
  if (is_method("REGISTER")) {
    if (!auth_check("$td", "subscriber", "1")) { auth_challenge("$td", "1"); exit; }
    consume_credentials();
    if (!save("location")) sl_reply_error();
    exit;
  }
  sl_send_reply("405","Method Not Allowed");
}
CFG
kamailio -c -f "$work/kamailio.cfg" >/dev/null 2>&1 || { kamailio -c -f "$work/kamailio.cfg"; exit 1; }

# Sum of utime+stime (clock ticks) of a process and its threads.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
ticks_per_second=$(getconf CLK_TCK)
# UDP datagrams the kernel dropped because a socket's receive buffer was full (all sockets: SIPp's and the
# server's), from /proc/net/snmp.
rcvbuf_errors() {
    awk '$1 == "Udp:" { if (!n) { for (i = 2; i <= NF; i++) if ($i == "RcvbufErrors") c = i; n = 1 } else print $c }' /proc/net/snmp
}
# The same, for the server's socket only (ss's skmem drop counter of the sockets bound to port $1).
server_drops() {
    ss -uamn "sport = :$1" | grep -oE "d[0-9]+\)" | tr -d 'd)' | awk '{ s += $1 } END { print s + 0 }'
}

# The rate SIPp offered in its steady state: the median over its one-second statistics periods of the calls
# it started per second (each period's own length, from CurrentTime), leaving out the first line (nothing
# started yet) and the last two (the partial period at the end and the final dump). SIPp's cumulative
# CallRate(C) divides by a time that includes its start and its shutdown tail: about 0.3 s of a 10 s step at
# 26,000/s, so it read 96.9 % for a step that ran at 26,000/s throughout.
steady_rate() {
    local file=$1 time_col=$2 calls_col=$3
    awk -F';' -v tc="$time_col" -v cc="$calls_col" '
        NR > 1 { split($tc, parts, "\t"); t[NR] = parts[3] + 0; c[NR] = $cc + 0; n = NR }
        END {
            m = 0
            for (i = 3; i <= n - 2; i++) if (t[i] > t[i - 1]) r[++m] = c[i] / (t[i] - t[i - 1])
            if (m == 0) { print 0; exit }
            for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (r[j] < r[i]) { x = r[i]; r[i] = r[j]; r[j] = x }
            printf "%.0f\n", (m % 2) ? r[(m + 1) / 2] : (r[m / 2] + r[m / 2 + 1]) / 2
        }' "$file"
}

# One step: RATE registrations/s for SECONDS against port $2, server pids $3…; prints
# "rate done failed retransmissions cpu_percent drops achieved_rate".
step() {
    local rate=$1 port=$2; shift 2
    local calls=$((rate * seconds)) before=0 after=0 pid
    for pid in "$@"; do before=$((before + $(cpu_ticks "$pid"))); done
    local drops_before server_before
    drops_before=$(rcvbuf_errors)
    server_before=$(server_drops "$port")
    rm -f "$work/sipp/"*
    (cd "$work/sipp" && timeout $((seconds * 3 + 30)) $client_cpu sipp 127.0.0.1:"$port" \
        -sf "$repo/scripts/sipp/register_auth.xml" -inf "$work/users.csv" -i 127.0.0.1 -p $sipp_port \
        -r "$rate" -m "$calls" -l $((rate * 2)) -trace_stat -stf stat.csv -fd 1 -nostdin \
        -max_recv_loops 1000 -max_sched_loops 1000 -recv_timeout 5000 -buff_size $sipp_buffer >/dev/null 2>&1) || true
    for pid in "$@"; do after=$((after + $(cpu_ticks "$pid"))); done
    local drops=$(($(rcvbuf_errors) - drops_before))/$(($(server_drops "$port") - server_before))
    local last
    last=$(tail -n 1 "$work/sipp/stat.csv" 2>/dev/null || true)
    if [ -z "$last" ]; then echo "$rate 0 $calls 0 0 $drops 0"; return; fi
    local header
    header=$(head -n 1 "$work/sipp/stat.csv")
    col() { echo "$header" | tr ';' '\n' | grep -n -x "$1" | cut -d: -f1; }
    local ok failed retrans achieved
    achieved=$(steady_rate "$work/sipp/stat.csv" "$(col 'CurrentTime')" "$(col 'OutgoingCall(P)')")
    ok=$(echo "$last" | cut -d';' -f"$(col 'SuccessfulCall(C)')")
    failed=$(echo "$last" | cut -d';' -f"$(col 'FailedCall(C)')")
    retrans=$(echo "$last" | cut -d';' -f"$(col 'Retransmissions(C)')")
    echo "$rate $ok $failed $retrans $(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v s="$seconds" 'BEGIN { printf "%.0f", 100 * t / hz / s }') $drops $achieved"
}

# Whether a step holds: no failed registration, <= 0.1 % retransmissions, SIPp achieved 97 % of the rate.
holds() {
    local rate=$1 ok=$2 failed=$3 retrans=$4 achieved=$5
    [ "$failed" = 0 ] && [ "$ok" -gt 0 ] && awk -v x="$retrans" -v n="$ok" -v a="$achieved" -v r="$rate" \
        'BEGIN { exit !(x <= n * 2 * 0.001 && a >= r * 0.97) }'
}

echo "== $users users, steps of ${seconds}s: $rates (SIPp ${client_cpu:+on CPU 0, servers on CPU 1})"
echo "   each rate against Kamailio, then against castor, before the next rate: a drift of the machine's"
echo "   speed during the run weighs on both alike"
$server_cpu kamailio -f "$work/kamailio.cfg" -DD -E -m 512 -M 8 -Y "$work/run" -P "$work/run/kamailio.pid" -w "$work" \
    >"$work/kamailio.log" 2>&1 &
$server_cpu "$castor" pbx --data-dir "$work/data" >"$work/castor.log" 2>&1 &
castor_pid=$!
sleep 2
kamailio_pids=$(pgrep -f "$work/kamailio.cfg" | tr '\n' ' ')
[ -n "$kamailio_pids" ] || { cat "$work/kamailio.log"; echo "bench: kamailio did not start" >&2; exit 1; }
kill -0 $castor_pid 2>/dev/null || { cat "$work/castor.log"; echo "bench: castor pbx did not start" >&2; exit 1; }

# The knee of each: the highest rate of an unbroken run of good steps from the lowest (a good step above a
# bad one does not count).
kamailio_knee=0 castor_knee=0 kamailio_broken=0 castor_broken=0
header=$(printf "%-9s %8s %9s %10s %8s %10s %6s %13s" "server" "rate/s" "achieved" "registered" "failed" "retransmit" "cpu%" "drops/server")
echo "$header"
for rate in $rates; do
    # shellcheck disable=SC2086
    read -r r ok failed retrans cpu drops achieved <<< "$(step "$rate" $kamailio_port $kamailio_pids)"
    printf "%-9s %8s %9s %10s %8s %10s %5s%% %13s\n" kamailio "$r" "$achieved" "$ok" "$failed" "$retrans" "$cpu" "$drops"
    if [ $kamailio_broken = 0 ] && holds "$r" "$ok" "$failed" "$retrans" "$achieved"; then kamailio_knee=$r; else kamailio_broken=1; fi
    read -r r ok failed retrans cpu drops achieved <<< "$(step "$rate" $castor_port $castor_pid)"
    printf "%-9s %8s %9s %10s %8s %10s %5s%% %13s\n" castor "$r" "$achieved" "$ok" "$failed" "$retrans" "$cpu" "$drops"
    if [ $castor_broken = 0 ] && holds "$r" "$ok" "$failed" "$retrans" "$achieved"; then castor_knee=$r; else castor_broken=1; fi
    # Both broken: higher rates tell nothing more.
    [ $kamailio_broken = 1 ] && [ $castor_broken = 1 ] && break
done
kill "$(cat "$work/run/kamailio.pid")" 2>/dev/null || true
kill $castor_pid 2>/dev/null || true

echo "== highest rate with no failed registration and <= 0.1 % retransmissions"
echo "kamailio: $kamailio_knee/s"
echo "castor:   $castor_knee/s"
awk -v a="$castor_knee" -v b="$kamailio_knee" 'BEGIN { if (b > 0) printf "ratio: %.2fx (goal: at least 1x)\n", a / b; else print "ratio: n/a (kamailio held no step)" }'
