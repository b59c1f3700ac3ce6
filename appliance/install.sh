#!/usr/bin/env bash
# Installs Castor on this Debian 12 machine as the appliance: a release build in /usr/lib/castor (with its
# resource bundles), /usr/bin/castor, /etc/castor/castor.yaml (from the example, never overwritten),
# the systemd unit, and the admin account. Idempotent. Run as root from a checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/setup.sh --run
scripts/setup.sh
swift build -c release --product castor
bin=$(swift build -c release --show-bin-path)

install -d -m 0755 /usr/lib/castor /usr/share/castor/templates /etc/castor
install -m 0755 "$bin/castor" /usr/lib/castor/castor
for bundle in "$bin"/*.resources; do
    [ -d "$bundle" ] && cp -R "$bundle" /usr/lib/castor/
done
ln -sf /usr/lib/castor/castor /usr/bin/castor
cp -R templates/. /usr/share/castor/templates/
[ -f /etc/castor/castor.yaml ] || install -m 0640 appliance/castor.yaml.example /etc/castor/castor.yaml
install -m 0644 appliance/systemd/castor.service /etc/systemd/system/castor.service
install -d -m 0750 /var/lib/castor
castor lab init --data-dir /var/lib/castor --config /etc/castor/castor.yaml
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now castor.service
    echo "castor: running; 'castor status --data-dir /var/lib/castor' shows its daemons"
fi
echo "castor: admin password in /var/lib/castor/admin-password"
