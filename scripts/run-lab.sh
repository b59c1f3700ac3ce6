#!/usr/bin/env bash
# Builds Castor and runs the appliance in the foreground with the guide's lab data (DESIGN.md §5):
# contexts comptabilite/administratif, users 1001 Alice, 1002 Bob, 2001 Claire, 2002 David, two Snom D715.
# Data in $CASTOR_DATA_DIR (default /var/lib/castor). Stop with Ctrl-C: every daemon stops with it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/setup.sh
swift build -q --product castor
data_dir=${CASTOR_DATA_DIR:-/var/lib/castor}
echo "castor: data in $data_dir; admin password in $data_dir/admin-password; API on :8080; provisioning on TFTP :69 and HTTP :8667; SIP on :5060 (UDP, TCP) and :5061 (TLS)"
exec .build/debug/castor run --lab --data-dir "$data_dir" "$@"
