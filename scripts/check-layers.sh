#!/usr/bin/env bash
# Refuses an import that breaks DESIGN.md §3's layering. Package.swift's target dependencies set what each
# layer may use; this catches a module reached transitively (SwiftPM lets a target import a dependency of
# its dependency), e.g. NIOPosix from a codec or GRDB from a service.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

# module pattern | targets allowed to import it
rules=(
    "NIOPosix|CastorControl DHCPTransport TFTPTransport TFTPTransportTests SIPTransport SIPTransportTests"
    "GRDB|CastorStore"
    "Hummingbird[A-Za-z]*|CastorAdminAPI CastorAdminAPITests ProvisioningService ProvisioningServiceTests castor"
    "ServiceLifecycle|CastorAdminAPI castor"
    "Subprocess|CastorSupervisor"
    "Yams|CastorSettings CastorSettingsTests CastorAdminAPITests"
)
# Engines and codecs: pure, nothing of I/O at all.
pure_targets="CastorCore CastorModel Supervision CastorJSON DHCPCodec DHCPLeases DHCPLeaseEngine KeaExpression TFTPProtocol Provisioning SIPCodec SIPTransaction SIPAuth PBXCore SDP MediaCore"

for rule in "${rules[@]}"; do
    module=${rule%%|*}
    allowed=" ${rule#*|} "
    while IFS=: read -r file _; do
        target=$(echo "$file" | cut -d/ -f2)
        if [[ "$allowed" != *" $target "* ]]; then
            echo "layering: $file imports $module, which only ${rule#*|} may import" >&2
            status=1
        fi
    done < <(grep -rEl "^\s*(@testable |@_exported |public |internal |package )?import ${module}\b" Sources Tests 2>/dev/null | sed 's/$/:/' || true)
done

for target in $pure_targets; do
    if grep -rEn "^\s*import (NIO[A-Za-z]*|GRDB|Hummingbird[A-Za-z]*|Subprocess|Dispatch|FoundationNetworking)\b" "Sources/$target" 2>/dev/null; then
        echo "layering: Sources/$target is a pure layer (codec/engine) and must not import I/O modules" >&2
        status=1
    fi
done

[ $status = 0 ] && echo "== layering: ok"
exit $status
