/// The lab's `kea-dhcp4.conf` (DESIGN.md §5), as `castor lab init` writes it into the data dir and as
/// `appliance/kea-dhcp4.conf.example` ships it: the phones' network 10.20.0.0/24, option 150 defined with
/// option-def, and a `snom` class that gives Snom phones option 66, the provisioning server's URL.
///
/// Safe by default (DESIGN.md §1): it names no interface of the host, only `lo/127.0.0.1`, so the lab's
/// phones are reached through a relay (perfdhcp or a real one) until the installer names the phones'
/// interface (`"interfaces": ["eth1"]`, and `dhcp-socket-type` back to Kea's default, raw).
public enum KeaLabConfiguration {
    /// The appliance's address on the phones' network: default gateway, DNS, NTP, provisioning server.
    public static let applianceAddress = "10.20.0.1"
    /// Where Snom phones fetch their files (`castor provd`'s HTTP port).
    public static let provisioningURL = "http://\(applianceAddress):8667/"

    public static func text(leaseFile: String, controlSocket: String) -> String {
        """
        // Castor lab DHCPv4 configuration, in Kea 2.2's format: `castor dhcp -c` and `kea-dhcp4 -c` both run it.
        // Check it with `castor dhcp -t FILE` or `kea-dhcp4 -t FILE`. Written by `castor lab init`.
        {
          "Dhcp4": {
            // Loopback only: the phones' network is reached through a relay on 127.0.0.2 (perfdhcp can act as
            // one). To serve the phones' LAN directly, name its interface instead (e.g. ["eth1"]) and remove
            // "dhcp-socket-type" (raw sockets reach phones that have no address yet).
            "interfaces-config": {
              "interfaces": ["lo/127.0.0.1"],
              "dhcp-socket-type": "udp"
            },
            "lease-database": {
              "type": "memfile",
              "persist": true,
              "name": "\(leaseFile)",
              "lfc-interval": 3600
            },
            // Kea's control channel: `castor cli -x "dhcp leases"` and Kea's own tools use it.
            "control-socket": {
              "socket-type": "unix",
              "socket-name": "\(controlSocket)"
            },
            "valid-lifetime": 4000,
            "renew-timer": 1000,
            "rebind-timer": 2000,
            "authoritative": true,

            # Kea 2.2 has no definition for option 150 (Cisco TFTP server addresses, RFC 5859).
            "option-def": [
              { "name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true }
            ],

            /* Snom phones send option 60 "snom<model>" (a D715 sends "snom715"): they get option 66, the
               provisioning server they fetch snom<model>.htm and <MAC>.xml from. */
            "client-classes": [
              {
                "name": "snom",
                "test": "substring(option[60].hex,0,4) == 'snom'",
                "option-data": [
                  { "name": "tftp-server-name", "data": "\(provisioningURL)", "always-send": true }
                ]
              }
            ],

            "subnet4": [
              {
                "id": 1,
                "subnet": "10.20.0.0/24",
                "comment": "phones",
                "relay": { "ip-addresses": ["127.0.0.2"] },
                "pools": [ { "pool": "10.20.0.100 - 10.20.0.199" } ],
                "option-data": [
                  { "name": "routers", "data": "\(applianceAddress)" },
                  { "name": "domain-name-servers", "data": "\(applianceAddress)" },
                  { "name": "ntp-servers", "data": "\(applianceAddress)" },
                  { "name": "tftp-server-address", "data": "\(applianceAddress)", "always-send": true }
                ],
                "reservations": [
                  { "hw-address": "00:04:13:aa:bb:01", "ip-address": "10.20.0.11", "hostname": "snom-1001" },
                  { "hw-address": "00:04:13:aa:bb:02", "ip-address": "10.20.0.12", "hostname": "snom-1002" }
                ]
              }
            ],

            "loggers": [
              {
                "name": "kea-dhcp4",
                "output_options": [ { "output": "stdout", "pattern": "%-5p %m\\n" } ],
                "severity": "INFO",
                "debuglevel": 0
              }
            ]
          }
        }

        """
    }
}
