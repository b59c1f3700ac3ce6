#!/usr/bin/env bash
# Installs what building, running and testing Castor needs on Debian 12, by package name. Idempotent: a
# package already installed is skipped, and apt is not even updated when nothing is missing.
# Swift itself is expected at /opt/swift or on PATH (Castor's machines ship it).
#
#   scripts/setup.sh            # build + run + test dependencies
#   scripts/setup.sh --run      # only what the appliance needs at run time
set -euo pipefail

# Build: GRDB links the system SQLite; swift-crypto/NIOSSL build their own BoringSSL.
build_packages=(libsqlite3-dev zlib1g-dev pkg-config git)
# Run: the appliance itself.
# openssl makes the SIP TLS certificate at the PBX's first start when castor.yaml names none.
run_packages=(sqlite3 ca-certificates procps socat openssl)
# Tests talk to real programs (README "Tests"): curl for HTTP, iproute2 for network namespaces, Kea 2.2
# (kea-dhcp4 and its lease_cmds hook; perfdhcp in kea-admin) as the DHCP reference, the DHCP clients
# dhclient (isc-dhcp-client) and udhcpc, tcpdump to see how replies are addressed; the TFTP clients atftp
# and tftp-hpa, tftpd-hpa as the TFTP reference, xmllint (libxml2-utils) to check rendered XML; SIPp
# (sip-tester), baresip and linphonec (linphone-cli) as SIP peers, Kamailio as the registrar reference,
# sox to make and check tones.
test_packages=(curl jq iproute2 python3 python3-yaml kea-dhcp4-server kea-admin isc-dhcp-client udhcpc tcpdump
    atftp tftp-hpa tftpd-hpa libxml2-utils sip-tester baresip linphone-cli kamailio sox)

wanted=("${run_packages[@]}")
if [ "${1:-}" != "--run" ]; then wanted+=("${build_packages[@]}" "${test_packages[@]}"); fi

missing=()
for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then echo "setup: need root to install: ${missing[*]}" >&2; exit 1; fi
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
    # Kea is installed as a reference peer for tests and benchmarks, never to serve: Castor is the DHCP
    # server. Debian enables its units on install (they listen on no interface by default); turn them off.
    if [[ " ${missing[*]} " == *" kea-"* ]] && [ -d /run/systemd/system ]; then
        systemctl disable --now kea-dhcp4-server.service kea-dhcp6-server.service kea-ctrl-agent.service \
            kea-dhcp-ddns-server.service 2>/dev/null || true
    fi
    # Kamailio too: the registrar reference of scripts/bench/sip-register.sh, started there on loopback.
    if [[ " ${missing[*]} " == *" kamailio "* ]]; then
        if [ -d /run/systemd/system ]; then
            systemctl disable --now kamailio.service 2>/dev/null || true
        elif [ -x /etc/init.d/kamailio ]; then
            /etc/init.d/kamailio stop >/dev/null 2>&1 || true
        fi
    fi
    # Same for tftpd-hpa: a reference for the TFTP benchmark, started by the script on a loopback port.
    if [[ " ${missing[*]} " == *" tftpd-hpa "* ]]; then
        if [ -d /run/systemd/system ]; then
            systemctl disable --now tftpd-hpa.service 2>/dev/null || true
        elif [ -x /etc/init.d/tftpd-hpa ]; then
            /etc/init.d/tftpd-hpa stop >/dev/null 2>&1 || true
        fi
    fi
fi

# Swift: Castor's machines have it under /opt/swift; say so clearly where it is missing.
if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "setup: swift is at /opt/swift/usr/bin; add it to PATH" >&2
    else
        echo "setup: Swift 6.x is required (https://swift.org/install); not found on PATH" >&2
    fi
    exit 1
fi
