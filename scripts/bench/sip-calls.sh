#!/usr/bin/env bash
# SIP calls through castor pbx (release build), with RTP both ways through its media relay, in two parts:
#
#  1. Call rate. Steps of calls/s (STEP seconds each, 1 s calls with RTP: INVITE → 407 → INVITE → 200 → ACK,
#     RTP, BYE → 200; scripts/sipp/uac_call.xml against a SIPp UAS that echoes the RTP). A step is good with
#     no failed call and retransmissions <= 0.1 % of the SIP transactions; the knee is the top of the unbroken
#     run of good steps from the lowest. Then the same steps against Kamailio 5.6 as a stateful proxy with
#     Record-Route (the reference of notes/sip-testing.md §3: no auth, no media relay: the RTP goes SIPp to
#     SIPp directly; scripts/sipp/uac_call_noauth.xml, the same UAS), and the ratio.
#  2. Concurrent relayed calls. Long calls ramped up to N at once (RAMP calls/s), held PLATEAU seconds with
#     G.711 RTP both ways (SIPp rtp_stream on the caller, -rtp_echo on the callee), then hung up. Loss is
#     counted on the receiving side: Castor's relay (CDR caller_lost / callee_lost: RFC 3550 sequence gaps of
#     what reached it; the callee echoes the packets unchanged, so its leg also shows losses on the way
#     relay → callee) and the kernel (receive-buffer drops, ss -m, of the relay's sockets, the callees' echo
#     sockets and the SIP sockets; the RcvbufErrors delta of /proc/net/snmp is printed beside it, less the
#     caller's RTP socket, which SIPp never reads, and with whatever else runs on the machine). The last hop,
#     relay → caller, cannot be measured: SIPp's rtp_stream does not read. A step is good with < 0.1 % loss on
#     both counts, no failed call and >= 95 % of the N calls up at once; the knee is the top of the unbroken run.
#  Then a summary: both rate knees and their ratio, the concurrent-call knee, CPU of each process there.
#
#   scripts/bench/sip-calls.sh [--quick] [--rates "100 200 …"] [--concurrent "250 500 …"] [--step-seconds S]
#                              [--plateau S] [--ramp R] [--no-kamailio] [--no-rate] [--no-concurrent] [--channels]
#
# Defaults: rates "100 200 400 500 600 800 1000 1200 1600 2000", 10 s each; concurrent "250 500 1000 1250
# 1500 1750 2000 2500", ramp 200 calls/s, plateau 10 s. --quick: rates "200 400 600 800 1000 1400 2000",
# 6 s each, concurrent "500 1000 1500 2000", plateau 8 s. A server's steps stop at its first bad step (the
# knee cannot move past it). A default run took 7.5 minutes here; the worst case is about 10 (4 with
# --quick), plus the build. --channels also saves `core show channels`
# at each plateau (logs/channels-N.txt); it is left out by default because answering it holds castor's event
# loop (castor logged "event loop held" 160-170 ms with 1,500 calls up), on the core the relay runs on.
#
# With PIN=1 (the default on 2+ cores) the server (castor pbx, Kamailio) runs on CPU 1 and every SIPp on
# CPU 0 (taskset); SIPp is single-core here too, so its CPU is printed: at high N it may be SIPp that
# saturates (its rtp_stream and echo), not the relay: the cpu0/cpu1 columns (whole CPU busy, other jobs on
# the machine included) tell. Loopback only: everything binds 127.0.0.1; every SIPp run is bounded by -m,
# -timeout and `timeout`. UAS=n (1…8, default 8): callee SIPp processes, each echoing from one thread on one
# socket with the default 208 KiB receive buffer (50 × N / n packets/s each; with 4, SIPp's echo sockets
# already dropped 1 % at 1,500 calls while the relay dropped nothing). KEEP=1 keeps the work directory
# (logs/, SIPp stats, castor.db).
#
# The calls go from 20 caller lines (1010…1029) to 20 callee lines (1030…1049, registered with the UASes'
# ports as contacts): pbx.call_limit accepts at most 1,000 calls per line, so one line cannot carry them all.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

rates="100 200 400 500 600 800 1000 1200 1600 2000"
concurrent="250 500 1000 1250 1500 1750 2000 2500"
step_seconds=10
plateau=10
ramp=200
call_ms=1000
do_kamailio=1 do_rate=1 do_concurrent=1 channels=0
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case $1 in
    --quick) rates="200 400 600 800 1000 1400 2000"; step_seconds=6; concurrent="500 1000 1500 2000"; plateau=8 ;;
    --rates) rates=$2; shift ;;
    --concurrent) concurrent=$2; shift ;;
    --step-seconds) step_seconds=$2; shift ;;
    --plateau) plateau=$2; shift ;;
    --ramp) ramp=$2; shift ;;
    --no-kamailio) do_kamailio=0 ;;
    --no-rate) do_rate=0 ;;
    --no-concurrent) do_concurrent=0 ;;
    --channels) channels=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# Ports (loopback): SIP of each server, SIPp's SIP and media ports, the relay's RTP range (4 ports a call).
castor_port=15180
kamailio_port=15190
reg_port=15162
uac_port=15163
uas_count=${UAS:-8}     # callee SIPp processes (each echoes on one socket, from one thread)
[ "$uas_count" -ge 1 ] && [ "$uas_count" -le 8 ] || { echo "bench: UAS=1…8" >&2; exit 2; }
uas_ports=() uas_media=()
for k in $(seq 0 $((uas_count - 1))); do uas_ports+=($((15164 + k))); uas_media+=($((15400 + 10 * k))); done
uac_media=15500
rtp_low=20100 rtp_high=30999
max_calls=$(((rtp_high - rtp_low + 1) / 4 - 50))
pairs=20            # caller lines 1010…1029 call callee lines 1030…1049 (pair i: 1010+i → 1030+i)
call_limit=1000     # castor's per-line limit (its maximum); N/pairs calls per line at most

if [ "${PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    client_cpu="taskset -c 0"; server_cpu="taskset -c 1"; pinned=1
else
    client_cpu=""; server_cpu=""; pinned=0
fi
for tool in sipp kamailio sox sqlite3 ss; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup.sh installs sip-tester, kamailio, sox, sqlite3)" >&2; exit 1; }
done
for n in $concurrent; do
    [ "$n" -le $max_calls ] || { echo "bench: $n concurrent calls need $((n * 4)) relay ports; the range $rtp_low-$rtp_high holds $max_calls calls" >&2; exit 2; }
done
for port in $castor_port $kamailio_port $reg_port $uac_port "${uas_ports[@]}" "${uas_media[@]}" \
    $(for m in "${uas_media[@]}"; do echo $((m + 2)); done) $uac_media $((uac_media + 2)); do
    if [ -n "$(ss -Hanu "sport = :$port")" ]; then echo "bench: UDP port $port is taken (ss -anup)" >&2; exit 1; fi
done
taken=$(ss -Hanu "sport >= :$rtp_low and sport <= :$rtp_high" | wc -l)
[ "$taken" -lt 100 ] || { echo "bench: $taken UDP ports of $rtp_low-$rtp_high are taken" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge $((max_calls * 4 + 1000)) ] || echo "bench: warning: ulimit -n $(ulimit -n) may be too low for $max_calls calls"

echo "== building castor (release)"
swift build -c release --product castor 2>&1 | grep -E "error|Build complete" || true
castor=$(swift build -c release --show-bin-path)/castor
[ -x "$castor" ] || { echo "bench: no castor binary" >&2; exit 1; }

work=$(mktemp -d /tmp/castor-bench-calls.XXXXXX)
started=()   # long-lived: the UASes, castor, kamailio
current=()   # the step's SIPp caller, its `timeout` job and the socket sampler
cleanup() {
    local pid
    for pid in "${current[@]}" "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/run/kamailio.pid" ] && kill "$(cat "$work/run/kamailio.pid")" 2>/dev/null
    kill $(jobs -p) 2>/dev/null || true
    sleep 0.5
    for pid in "${current[@]}" "${started[@]}"; do kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null; done
    if [ "${KEEP:-0}" = 1 ]; then echo "(work directory kept: $work)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/run" "$work/data" "$work/uac" "$work/reg" "$work/logs"
sox -n -r 8000 -c 1 -t ul "$work/uac/tone1k.pcmu" synth 3 sine 1000

# ---------------------------------------------------------------------------------------------- helpers
hz=$(getconf CLK_TCK)
now() { date +%s.%N; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_ticks() { local t=0 pid; for pid in "$@"; do t=$((t + $(cpu_ticks "$pid"))); done; echo $t; }
# "busy total" jiffies of one CPU (/proc/stat: user nice system idle iowait irq softirq steal).
cpu_line() { awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
rcvbuf_errors() { awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) c[$i] = i; h = 1 } else print $c["RcvbufErrors"] }' /proc/net/snmp; }
# Kernel drop counters of the UDP sockets bound to ports A..B (ss -m: skmem … d<drops>).
socket_drops() {
    { ss -Hanum "sport >= :$1 and sport <= :$2" 2>/dev/null || true; } | { grep -o ',d[0-9]*)' || true; } | tr -dc '0-9\n' |
        awk '{ s += $1 } END { print s + 0 }'
}
# Drops of the long-lived sockets that receive our traffic: the callees' echo and SIP sockets, castor's SIP socket
# (the relay's sockets live as long as their call: they are read at the plateau).
echo_drops() { local t=0 m; for m in "${uas_media[@]}"; do t=$((t + $(socket_drops "$m" "$m"))); done; echo $t; }
our_drops() {
    echo $(( $(echo_drops) + $(socket_drops "${uas_ports[0]}" "${uas_ports[-1]}") + $(socket_drops $castor_port $castor_port) ))
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else print "-" }'; }
# Columns of the last row of a SIPp -trace_stat CSV, by name.
stat_cols() {
    local file=$1; shift
    [ -s "$file" ] || { local c; for c in "$@"; do printf "0 "; done; echo; return; }
    awk -F';' -v names="$*" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } END {
        n = split(names, want, " "); for (j = 1; j <= n; j++) { v = $col[want[j]]; printf "%s ", (v == "" ? 0 : v) } print "" }' "$file"
}
# SIPp's "HH:MM:SS:uuuuuu" (or with ms) as milliseconds.
sipp_ms() { awk -v t="$1" 'BEGIN { n = split(t, p, ":"); if (n < 4) { print "-"; exit } printf "%.1f", (p[1] * 3600 + p[2] * 60 + p[3]) * 1000 + p[4] / (length(p[4]) > 3 ? 1000 : 1) }'; }

# Samples, every 0.1 s while the process behind $2 lives (at most $3 samples), the drops of the caller's RTP
# socket (SIPp's rtp_stream sends from it and never reads what comes back: its queue is full and every
# echoed packet that reaches it counts in RcvbufErrors).
sample_sink() {
    local out=$1 pid=$2 max=$3 i=0 d last=0
    echo 0 > "$out"
    while [ $i -lt "$max" ] && kill -0 "$pid" 2>/dev/null; do
        # The counter only grows while the socket lives; once SIPp has exited (its job not yet reaped) the
        # socket is gone and ss finds nothing: keep the highest value seen.
        d=$(socket_drops $uac_media $((uac_media + 3)))
        if [ "$d" -gt "$last" ]; then last=$d; echo "$d" > "$out.tmp" && mv "$out.tmp" "$out"; fi
        sleep 0.1; i=$((i + 1))
    done
}

# Starts the UAC (in $work/uac) in the background: $1 server port, $2 scenario, $3 CSV, $4 bound in seconds,
# then SIPp arguments. Sets uac_job (the background job) and uac_pid (SIPp itself).
start_uac() {
    local port=$1 scenario=$2 csv=$3 bound=$4; shift 4
    rm -f "$work/uac/"*.csv "$work/uac/"*.log "$work/uac/uac.pid"
    (cd "$work/uac" && exec timeout $((bound + 15)) $client_cpu sh -c 'echo $$ > uac.pid; exec "$@"' sh \
        sipp 127.0.0.1:"$port" -sf "$scenario" -inf "$csv" -i 127.0.0.1 -p $uac_port -mi 127.0.0.1 -mp $uac_media \
        -trace_stat -stf stat.csv -fd 1 -trace_err -error_file errors.log -nostdin -max_recv_loops 1000 \
        -max_sched_loops 1000 -recv_timeout 10000 -timeout "$bound" "$@" > uac.out 2>&1) &
    uac_job=$!
    current=("$uac_job")
    local i=0
    while [ ! -s "$work/uac/uac.pid" ] && [ $i -lt 50 ]; do sleep 0.05; i=$((i + 1)); done
    uac_pid=$(cat "$work/uac/uac.pid" 2>/dev/null || echo 0)
    current+=("$uac_pid")
    sample_sink "$work/uac/sink" "$uac_job" $(((bound + 20) * 10)) &
    current+=("$!")
}

# CPU snapshot: "wall server uas uac cpu0busy cpu0total cpu1busy cpu1total".
snapshot() {
    echo "$(now) $(sum_ticks $server_pids) $(sum_ticks "${uas_pids[@]}") $(cpu_ticks "$uac_pid") $(cpu_line 0) $(cpu_line 1)"
}
# From two snapshots: sets cpu_server cpu_uas cpu_uac (% of one core) and cpu0 cpu1 (% busy).
cpu_between() {
    read -r t0 s0 a0 c0 b00 t00 b10 t10 <<< "$1"
    read -r t1 s1 a1 c1 b01 t01 b11 t11 <<< "$2"
    local dt; dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    cpu_server=$(awk -v t=$((s1 - s0)) -v h="$hz" -v d="$dt" 'BEGIN { printf "%.0f", 100 * t / h / d }')
    cpu_uas=$(awk -v t=$((a1 - a0)) -v h="$hz" -v d="$dt" 'BEGIN { printf "%.0f", 100 * t / h / d }')
    cpu_uac=$(awk -v t=$((c1 - c0)) -v h="$hz" -v d="$dt" 'BEGIN { printf "%.0f", 100 * (t < 0 ? 0 : t) / h / d }')
    cpu0=$(pct $((b01 - b00)) $((t01 - t00)))
    cpu1=$(pct $((b11 - b10)) $((t11 - t10)))
}

# Sets idle (% over 2 s, vmstat) and prints the load (the load average counts SIPp's RTP threads of a previous
# run too: vmstat's idle is what tells whether other jobs are running now).
load_report() {
    local v
    v=$(vmstat 1 3 | tail -n 2 | awk '{ us += $13; sy += $14; id += $15 } END { printf "%d us %d%% sy %d%% id %d%%", id / 2, us / 2, sy / 2, id / 2 }')
    idle=${v%% *}
    echo "load: $(uptime | sed 's/.*load average/load average/'); vmstat over 2 s: ${v#* }"
}

# A query of castor's store (read while castor writes its CDRs).
db() { sqlite3 -cmd ".timeout 5000" "$work/data/castor.db" "$1" || echo 0; }
# One counter of `sip show stats` (empty when castor does not answer within its 5 s: a busy event loop).
castor_stat() {
    { timeout 10 "$castor" cli --data-dir "$work/data" -x "sip show stats" 2>/dev/null || true; } | awk -v k="$1" '$1 == k { print $2 }'
}
wait_calls_drained() {
    local i=0 live
    while [ $i -lt 40 ]; do
        live=$(castor_stat calls_live); [ "${live:-1}" = 0 ] && return 0
        sleep 0.5; i=$((i + 1))
    done
    echo "   (castor still reports ${live:-?} live calls 20 s after the step)"
}

# ---------------------------------------------------------------------------------------------- setup
load_report > "$work/load.txt"; echo "== $(date -u +%FT%TZ) on $(nproc) cores; $(cat "$work/load.txt")"
idle=$(vmstat 1 3 | tail -n 2 | awk '{ id += $15 } END { print int(id / 2) }')
if [ "$idle" -lt 90 ]; then
    echo "   warning: the machine is only ${idle}% idle: other jobs share the CPUs (see the cpu0/cpu1 columns)"
fi
cat > "$work/data/castor.yaml" <<YAML
log_level: warning
pbx:
  listen: 127.0.0.1
  tcp: false
  tls_port: 0
  qualify_frequency: 0
  call_limit: $call_limit
YAML
"$castor" lab init --data-dir "$work/data" >/dev/null
echo "SEQUENTIAL" > "$work/calls.csv"
kamailio_routes=""
echo "SEQUENTIAL" > "$work/reg/users.csv"
for i in $(seq 0 $((pairs - 1))); do
    for exten in $((1010 + i)) $((1010 + pairs + i)); do
        "$castor" user add --data-dir "$work/data" --name "Bench $exten" --context comptabilite --exten "$exten" \
            --secret "pw-$exten-bench" >/dev/null
    done
    caller=$((1010 + i)) callee=$((1010 + pairs + i))
    echo "$caller;127.0.0.1;[authentication username=$caller password=pw-$caller-bench];$callee" >> "$work/calls.csv"
    echo "$callee;127.0.0.1;[authentication username=$callee password=pw-$callee-bench];${uas_ports[$((i % uas_count))]}" \
        >> "$work/reg/users.csv"
    kamailio_routes+="    case \"$callee\": \$du = \"sip:127.0.0.1:${uas_ports[$((i % uas_count))]}\"; break;"$'\n'
done

# Kamailio: the notes' §3 proxy, INVITEs record-routed and relayed statefully to the UAS of the callee
# (the one Castor has the callee's registration for).
cat > "$work/kamailio.cfg.in" <<'CFG'
#!KAMAILIO
debug=1
log_stderror=yes
children=2
listen=udp:127.0.0.1:PORT
auto_aliases=no
alias="127.0.0.1:PORT"
disable_tcp=yes
dns=no
rev_dns=no
loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "ctl.so"
modparam("ctl", "binrpc", "unix:ABS_RUN/kamailio_ctl")
request_route {
  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483","Too Many Hops"); exit; }
  if (has_totag()) {
    if (loose_route()) { t_relay(); exit; }
    if (is_method("ACK") && t_check_trans()) t_relay();
    else sl_send_reply("404","Not here");
    exit;
  }
  if (is_method("CANCEL")) { if (t_check_trans()) t_relay(); exit; }
  if (is_method("INVITE")) {
    record_route();
    switch ($rU) {
ROUTES
      default: sl_send_reply("404", "Not Found"); exit;
    }
    if (!t_relay()) sl_reply_error();
    exit;
  }
  sl_send_reply("405","Method Not Allowed");
}
CFG
printf "%s" "$kamailio_routes" > "$work/kamailio.routes"
sed -e "s|ABS_RUN|$work/run|" -e "s|PORT|$kamailio_port|g" -e "/^ROUTES\$/{r $work/kamailio.routes" -e "d}" \
    "$work/kamailio.cfg.in" > "$work/kamailio.cfg"
kamailio -c -f "$work/kamailio.cfg" >/dev/null 2>&1 || { kamailio -c -f "$work/kamailio.cfg"; exit 1; }

# The callee UASes (callee line i is answered by UAS i mod UAS), for the whole run: they answer, copy the
# Record-Route of a proxy, and echo the RTP they get (-rtp_echo on their -mp port, one thread each).
total_calls=$(( $(echo $rates | tr ' ' '\n' | awk -v s="$step_seconds" '{ t += $1 * s } END { print t }') * 2 + \
    $(echo $concurrent | tr ' ' '\n' | awk '{ t += $1 } END { print t }') + 1000 ))
uas_pids=()
for k in $(seq 0 $((uas_count - 1))); do
    mkdir -p "$work/uas$k"
    (cd "$work/uas$k" && exec $client_cpu sipp -sf "$repo/scripts/sipp/uas_call_rr.xml" -i 127.0.0.1 -p "${uas_ports[$k]}" \
        -mi 127.0.0.1 -mp "${uas_media[$k]}" -rtp_echo -m $total_calls -l 15000 -nostdin \
        -trace_err -error_file errors.log -trace_stat -stf stat.csv -fd 1 -max_recv_loops 1000 -max_sched_loops 1000 \
        -timeout 1500 > out 2>&1) &
    uas_pids+=("$!"); started+=("$!")
done
sleep 1
for k in $(seq 0 $((uas_count - 1))); do kill -0 "${uas_pids[$k]}" 2>/dev/null || { cat "$work/uas$k/out"; echo "bench: SIPp UAS $k did not start" >&2; exit 1; }; done
uas_retrans() { local t=0 k r; for k in $(seq 0 $((uas_count - 1))); do r=$(stat_cols "$work/uas$k/stat.csv" 'Retransmissions(C)'); t=$((t + ${r:-0})); done; echo $t; }
uas_failed() { local t=0 k r; for k in $(seq 0 $((uas_count - 1))); do r=$(stat_cols "$work/uas$k/stat.csv" 'FailedCall(C)'); t=$((t + ${r:-0})); done; echo $t; }

start_castor() {
    $server_cpu "$castor" pbx --data-dir "$work/data" --sip-port $castor_port --tls-port 0 --rtp-ports "$rtp_low-$rtp_high" \
        >>"$work/castor.log" 2>&1 &
    castor_pid=$!; started+=("$castor_pid"); server_pids=$castor_pid
    sleep 2
    kill -0 "$castor_pid" 2>/dev/null || { cat "$work/castor.log"; echo "bench: castor pbx did not start" >&2; exit 1; }
    (cd "$work/reg" && timeout 30 sipp 127.0.0.1:$castor_port -sf "$repo/scripts/sipp/register_contact.xml" -inf users.csv \
        -i 127.0.0.1 -p $reg_port -m $pairs -r 50 -nostdin -trace_err -error_file errors.log -recv_timeout 5000 \
        -timeout 20s > out 2>&1) || { cat "$work/reg/errors.log" 2>/dev/null | head -20; echo "bench: registering the callee lines failed" >&2; exit 1; }
}
castor_alive() {
    kill -0 "$castor_pid" 2>/dev/null && return 0
    echo "!! castor pbx exited; its last lines:"
    tail -n 30 "$work/castor.log"
    return 1
}
# Castor's counters that tell of trouble, when not zero (since it started). Not retransmissions_received: the
# ACK of each 407 matches the INVITE's server transaction and counts there, one per call.
castor_counters() {
    local extra
    extra=$({ timeout 10 "$castor" cli --data-dir "$work/data" -x "sip show stats" 2>/dev/null || true; } | awk '($1 == "overloaded" || \
        $1 == "throttled" || $1 == "rtp_timeouts" || $1 == "loop_stalls" || $1 == "transport_send_errors" || \
        $1 == "calls_not_found" || $1 == "retransmissions_sent") && $2 != 0 {
        printf "%s=%s ", $1, $2 }') || true
    [ -z "$extra" ] || echo "   castor counters so far: $extra"
}
show_errors() {  # the first SIPp error lines of a bad step ($2: a name to keep the log under, in logs/)
    local file=$1
    [ -s "$file" ] || return 0
    cp "$file" "$work/logs/$2.errors.log"
    echo "   SIPp errors ($(grep -c 'Call-Id\|Aborting\|Dead call' "$file" || true) lines; first ones; logs/$2.errors.log):"
    # (|| true: head closes the pipe early, and pipefail would make that fatal)
    grep -E 'Aborting|receive timeout|Dead call|unexpected|Failed' "$file" | cut -c1-220 | head -n 4 | sed 's/^/     /' || true
    echo "   responses in them:"
    grep -o "received 'SIP/2.0 [0-9][0-9][0-9][^']*" "$file" | cut -c11- | sort | uniq -c | sort -rn | head -n 3 | sed 's/^/     /' || true
    return 0
}

# ---------------------------------------------------------------------------------------------- part 1
declare -A rate_cpu rate_bad
# One rate step: $1 name, $2 rate, $3 port, $4 scenario, $5 SIP transactions per call. Prints a row; sets good.
rate_step() {
    local name=$1 rate=$2 port=$3 scenario=$4 tx=$5
    local calls=$((rate * step_seconds))
    local uas_r0 rcv0 a b
    uas_r0=$(uas_retrans); rcv0=$(rcvbuf_errors)
    local fail0; fail0=$(uas_failed)
    start_uac "$port" "$scenario" "$work/calls.csv" $((step_seconds * 3 + 30)) -r "$rate" -m "$calls" -l $((rate * 4 + 100)) -d $call_ms
    sleep 1; a=$(snapshot)
    sleep $((step_seconds - 1)); b=$(snapshot)
    wait "$uac_job" 2>/dev/null || true; current=()
    sleep 2.5  # the UAS's stats (written each second) and its 2 s timewait
    cpu_between "$a" "$b"
    local ok failed retrans setup udp sink
    read -r ok failed retrans setup <<< "$(stat_cols "$work/uac/stat.csv" 'SuccessfulCall(C)' 'FailedCall(C)' 'Retransmissions(C)' 'ResponseTime1(C)')"
    local uas_r=$(( $(uas_retrans) - uas_r0 ))
    sink=$(cat "$work/uac/sink" 2>/dev/null || echo 0)
    udp=$(( $(rcvbuf_errors) - rcv0 - sink )); [ $udp -ge 0 ] || udp=0
    good=0
    if [ "$failed" = 0 ] && [ "$ok" -ge "$calls" ] && \
        awk -v x=$((retrans + uas_r)) -v n="$ok" -v t="$tx" 'BEGIN { exit !(x <= n * t * 0.001) }'; then good=1; fi
    printf "%-9s %6s %7s %7s %6s %7s/%-6s %8s %6s%% %6s%% %6s%% %5s%% %5s%% %8s  %s\n" "$name" "$rate" "$calls" "$ok" "$failed" \
        "$retrans" "$uas_r" "$(sipp_ms "$setup")" "$cpu_server" "$cpu_uac" "$cpu_uas" "$cpu0" "$cpu1" "$udp" \
        "$([ $good = 1 ] && echo ok || echo BAD)"
    rate_cpu[$name/$rate]="$cpu_server $cpu_uac $cpu_uas $cpu0 $cpu1"
    [ $good = 1 ] || show_errors "$work/uac/errors.log" "$name-$rate"
    [ $good = 1 ] || [ "$(( $(uas_failed) - fail0 ))" = 0 ] || echo "   UAS failed calls: $(( $(uas_failed) - fail0 ))"
}
rate_header() {
    printf "%-9s %6s %7s %7s %6s %14s %8s %7s %7s %7s %6s %6s %8s\n" "server" "rate/s" "calls" "ok" "failed" "retrans uac/uas" \
        "setup-ms" "server" "uac" "uas" "cpu0" "cpu1" "udp-drop"
}
# Runs the steps of one server; sets knee (top of the unbroken run of good steps).
run_rate() {
    local name=$1 port=$2 scenario=$3 tx=$4
    knee=0
    rate_header
    for rate in $rates; do
        rate_step "$name" "$rate" "$port" "$scenario" "$tx"
        [ "$name" = castor ] && { castor_alive || break; wait_calls_drained; }
        if [ $good = 1 ]; then knee=$rate; else
            echo "   (stopping $name here: its knee is $knee/s)"; rate_bad[$name]="$rate ${rate_cpu[$name/$rate]}"; break
        fi
    done
}

castor_rate_knee=- kamailio_rate_knee=-
start_castor
if [ $do_rate = 1 ]; then
    echo
    echo "== part 1: call rate, ${step_seconds}s steps of $((call_ms / 1000)) s calls with RTP; $pairs caller → callee line pairs"
    echo "   columns: calls placed, ok / failed (SIPp caller), retransmissions sent by the caller / the callees,"
    echo "   mean INVITE → 200 (ms), CPU % of one core of the server, SIPp caller, SIPp callees (both), whole CPU 0 /"
    echo "   CPU 1 busy (other jobs included), UDP receive-buffer drops (RcvbufErrors, less the caller's unread RTP socket)"
    echo "-- castor pbx: INVITE → 407 → INVITE with digest → 200 → ACK, RTP through the relay both ways, BYE"
    run_rate castor $castor_port "$repo/scripts/sipp/uac_call.xml" 3
    castor_rate_knee=$knee
    castor_counters
fi

# ---------------------------------------------------------------------------------------------- Kamailio
if [ $do_rate = 1 ] && [ $do_kamailio = 1 ]; then
    echo
    echo "-- kamailio 5.6 stateful proxy + Record-Route (2 workers, -m 512): no auth, no media relay (RTP goes SIPp ↔ SIPp"
    echo "   directly); INVITE → 200 → ACK, RTP, BYE: 2 transactions a call instead of 3 (uac_call_noauth.xml)"
    sleep 1
    $server_cpu kamailio -f "$work/kamailio.cfg" -DD -E -m 512 -M 8 -Y "$work/run" -P "$work/run/kamailio.pid" -w "$work" \
        >"$work/kamailio.log" 2>&1 &
    started+=("$!")
    sleep 2
    server_pids=$(pgrep -f "$work/kamailio.cfg" | tr '\n' ' ')
    if [ -z "$server_pids" ]; then cat "$work/kamailio.log"; echo "bench: kamailio did not start" >&2; else
        # shellcheck disable=SC2086
        run_rate kamailio $kamailio_port "$repo/scripts/sipp/uac_call_noauth.xml" 2
        kamailio_rate_knee=$knee
        kill "$(cat "$work/run/kamailio.pid")" 2>/dev/null || true
        sleep 1
    fi
    server_pids=$castor_pid
fi

# ---------------------------------------------------------------------------------------------- part 2
declare -A conc_cpu
conc_knee=- conc_bad=""
if [ $do_concurrent = 1 ] && kill -0 "$castor_pid" 2>/dev/null; then
    echo
    echo "== part 2: concurrent relayed G.711 calls: ramp at $ramp calls/s to N, hold ${plateau}s, hang up; RTP 50 pps each way"
    echo "   up: castor's calls_live at mid-plateau (sip show stats); ok/failed: SIPp caller; pkts/call: what the relay got from"
    echo "   the caller / from the callee (echo) per call, vs what ${plateau}+ s of 20 ms packets should be; relay loss: CDR"
    echo "   caller_lost+callee_lost over their packets; kernel: receive-buffer drops (ss -m) of the relay's sockets (at the"
    echo "   plateau), the callees' echo and SIP sockets and castor's SIP socket, over the packets received on the hops"
    echo "   caller → relay → callee → relay; CPU % during the plateau (server, SIPp caller, SIPp callees, CPU 0/1)"
    printf "%6s %6s %6s %6s %18s %9s %7s %8s %7s %7s %6s %6s %6s %5s %5s\n" "N" "up" "ok" "failed" "pkts/call(c/e/exp)" \
        "relay-lost" "loss%" "kernel" "kloss%" "jitter" "castor" "uac" "uas" "cpu0" "cpu1"
    conc_knee=0
    for n in $concurrent; do
        ramp_s=$(( (n + ramp - 1) / ramp ))
        hold_ms=$(( (ramp_s + plateau) * 1000 ))
        cdr0=$(db "select coalesce(max(id), 0) from cdr")
        rcv0=$(rcvbuf_errors); fail0=$(uas_failed)
        ours0=$(our_drops); relay0=$(socket_drops $rtp_low $rtp_high); echo0=$(echo_drops)
        start_uac $castor_port "$repo/scripts/sipp/uac_call.xml" "$work/calls.csv" $((2 * ramp_s + plateau + 40)) \
            -r "$ramp" -m "$n" -l "$n" -d "$hold_ms"
        sleep $((ramp_s + 1)); a=$(snapshot)
        sleep $(( plateau / 2 - 1 ))
        up=$(castor_stat calls_live); up=${up:-0}
        if [ $channels = 1 ]; then
            timeout 10 "$castor" cli --data-dir "$work/data" -x "core show channels" > "$work/logs/channels-$n.txt" 2>&1 || true
        fi
        sleep $(( plateau - plateau / 2 - 2 )); b=$(snapshot)
        relay_drops=$(( $(socket_drops $rtp_low $rtp_high) - relay0 )); [ $relay_drops -ge 0 ] || relay_drops=0
        wait "$uac_job" 2>/dev/null || true; current=()
        sleep 2.5
        cpu_between "$a" "$b"
        sink=$(cat "$work/uac/sink" 2>/dev/null || echo 0)
        global=$(( $(rcvbuf_errors) - rcv0 - sink )); [ $global -ge 0 ] || global=0
        kernel=$(( $(our_drops) - ours0 + relay_drops ))
        read -r ok failed <<< "$(stat_cols "$work/uac/stat.csv" 'SuccessfulCall(C)' 'FailedCall(C)')"
        # The CDR rows of this step (the writer may lag behind the BYEs by a little).
        i=0
        while [ $i -lt 30 ]; do
            rows=$(db "select count(*) from cdr where id > $cdr0")
            [ "$rows" -ge "$n" ] && break
            sleep 0.5; i=$((i + 1))
        done
        IFS='|' read -r rows answered cp cl ep el jit <<< "$(db "select count(*), \
            coalesce(sum(disposition = 'ANSWERED'), 0), coalesce(sum(caller_packets), 0), coalesce(sum(caller_lost), 0), \
            coalesce(sum(callee_packets), 0), coalesce(sum(callee_lost), 0), \
            coalesce(max(max(caller_jitter_ms, callee_jitter_ms)), 0) from cdr where id > $cdr0")"
        expected=$(( (hold_ms / 20) ))
        loss=$(awk -v l=$((cl + el)) -v p=$((cp + ep)) 'BEGIN { if (p + l > 0) printf "%.3f", 100 * l / (p + l); else print "100" }')
        # Hops whose receiver is measured: caller → relay, relay → callee, callee → relay (cp + cp + ep).
        kloss=$(awk -v k="$kernel" -v p=$((2 * cp + ep)) 'BEGIN { if (p > 0) printf "%.3f", 100 * k / p; else print "100" }')
        good=0
        if [ "$failed" = 0 ] && [ "$ok" -ge "$n" ] && [ "$answered" -ge "$n" ] && [ "$up" -ge $((n * 95 / 100)) ] && \
            awk -v a="$loss" -v b="$kloss" 'BEGIN { exit !(a < 0.1 && b < 0.1) }'; then good=1; fi
        printf "%6s %6s %6s %6s %18s %9s %7s %8s %7s %6.1fms %5s%% %5s%% %5s%% %4s%% %4s%%  %s\n" "$n" "$up" "$ok" "$failed" \
            "$(awk -v c="$cp" -v e="$ep" -v r="$rows" 'BEGIN { if (r > 0) printf "%.0f/%.0f", c / r, e / r; else printf "-/-" }')/$expected" \
            "$((cl + el))" "$loss" "$kernel" "$kloss" "$jit" "$cpu_server" "$cpu_uac" "$cpu_uas" "$cpu0" "$cpu1" \
            "$([ $good = 1 ] && echo ok || echo BAD)"
        echo "$n $rows $answered $cp $cl $ep $el $kernel $relay_drops $global $sink" >> "$work/concurrent.raw"
        echo "   drops: relay sockets $relay_drops (at the plateau), callees' echo sockets $(( $(echo_drops) - echo0 )); RcvbufErrors +$((global + sink)): $sink at the caller's unread RTP socket, $global elsewhere (other jobs included)"
        conc_cpu[$n]="$cpu_server $cpu_uac $cpu_uas $cpu0 $cpu1"
        if [ $good = 0 ]; then
            show_errors "$work/uac/errors.log" "concurrent-$n"
            [ "$rows" -ge "$n" ] || echo "   castor wrote $rows CDR rows for $n calls ($answered answered)"
            [ "$(( $(uas_failed) - fail0 ))" = 0 ] || echo "   UAS failed calls: $(( $(uas_failed) - fail0 ))"
        fi
        castor_alive || break
        wait_calls_drained
        if [ $good = 1 ]; then conc_knee=$n; else
            echo "   (stopping here: the knee is $conc_knee concurrent calls)"; conc_bad="$n ${conc_cpu[$n]}"; break
        fi
    done
    castor_counters
fi
castor_alive >/dev/null 2>&1 && { kill "$castor_pid" 2>/dev/null; wait "$castor_pid" 2>/dev/null || true; }
if [ -s "$work/castor.log" ]; then echo "   castor stderr: $(wc -l < "$work/castor.log") lines; last: $(tail -n 1 "$work/castor.log" | cut -c1-200)"; fi

# ---------------------------------------------------------------------------------------------- summary
echo
echo "== summary ($( [ $pinned = 1 ] && echo "server on CPU 1, SIPp on CPU 0" || echo "not pinned"); after the run: $(load_report))"
cpu_of() { [ -n "${1:-}" ] && echo "$1" | awk '{ printf "server %s%%, SIPp caller %s%%, callees %s%%; CPU 0 %s%%, CPU 1 %s%%", $1, $2, $3, $4, $5 }' || echo "-"; }
top_rate=${rates##* }
shown() { case $1 in -) echo "not run" ;; "$top_rate") echo ">= $1/s" ;; *) echo "$1/s" ;; esac; }  # the top step held: the knee is above
printf "%-34s %-10s %s\n" "call rate knee (castor)" "$(shown "$castor_rate_knee")" \
    "goal >= 500/s; CPU there: $(cpu_of "${rate_cpu[castor/$castor_rate_knee]:-}")"
printf "%-34s %-10s %s\n" "call rate knee (kamailio, no media)" "$(shown "$kamailio_rate_knee")" \
    "anchor ~1,200/s; CPU there: $(cpu_of "${rate_cpu[kamailio/$kamailio_rate_knee]:-}")"
awk -v a="$castor_rate_knee" -v b="$kamailio_rate_knee" 'BEGIN { if (b + 0 > 0 && a != "-") printf "%-34s %.2fx\n", "ratio castor / kamailio", a / b;
    else printf "%-34s n/a\n", "ratio castor / kamailio" }'
conc_shown=$conc_knee; [ "$conc_knee" != "${concurrent##* }" ] || conc_shown=">= $conc_knee"  # the top step held
printf "%-34s %-10s %s\n" "concurrent relayed calls (< 0.1 %)" "$conc_shown" \
    "goal >= 1,000; bare C relay ~1,700/core, Asterisk ~240/core; CPU there: $(cpu_of "${conc_cpu[$conc_knee]:-}")"
# Who saturated at the first bad step: CPU 1 is the server's, CPU 0 SIPp's (both include other jobs).
bad_line() { [ -n "$2" ] && echo "$2" | awk -v w="$1" '{ printf "   first bad step of %s: %s (server %s%%, SIPp caller %s%%, callees %s%%; CPU 0 %s%%, CPU 1 %s%%)\n", w, $1, $2, $3, $4, $5, $6 }'; return 0; }
bad_line "castor, rate" "${rate_bad[castor]:-}"
bad_line "kamailio, rate" "${rate_bad[kamailio]:-}"
bad_line "castor, concurrent" "$conc_bad"
