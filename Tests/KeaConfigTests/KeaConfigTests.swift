import CastorJSON
import DHCPCodec
import Foundation
import Testing

@testable import KeaConfig

/// Each accepted construct lands in the typed configuration.
@Suite("Kea configuration loading")
struct KeaConfigTests {
    static let full = #"""
        # A config using every construct the loader reads.
        {
          "Dhcp4": {
            "interfaces-config": {"interfaces": ["lo/127.0.0.1", "eth0"], "dhcp-socket-type": "udp",
                                  "re-detect": false, "service-sockets-max-retries": 5,
                                  "service-sockets-retry-wait-time": 1000, "comment": "x"},
            "lease-database": {"type": "memfile", "persist": false, "name": "/tmp/l.csv", "lfc-interval": 0,
                               "max-row-errors": 10},
            "valid-lifetime": 4000, "min-valid-lifetime": 100, "max-valid-lifetime": 8000,
            "renew-timer": 1000, "rebind-timer": 2000, "calculate-tee-times": true,
            "t1-percent": 0.4, "t2-percent": 0.8,
            "authoritative": true, "match-client-id": false, "echo-client-id": false,
            "decline-probation-period": 60,
            "next-server": "10.0.0.1", "server-hostname": "castor", "boot-file-name": "boot.bin",
            "host-reservation-identifiers": ["hw-address", "flex-id"],
            "reservations-global": true, "reservations-in-subnet": false, "reservations-out-of-pool": true,
            "control-socket": {"socket-type": "unix", "socket-name": "/tmp/k.sock"},
            "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "stdout", "pattern": "%m\n",
                         "flush": false, "maxsize": 1048576, "maxver": 8}], "severity": "DEBUG", "debuglevel": 10}],
            "comment": "lab", "user-context": {"site": "A"},
            "client-classes": [
              {"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'", "only-if-required": false,
               "next-server": "10.0.0.2", "valid-lifetime": 600,
               "option-data": [{"name": "tftp-server-name", "data": "http://x/"}]}
            ],
            "reservations": [{"flex-id": "'global'", "ip-address": "192.168.1.1"}],
            "subnet4": [
              {"subnet": "10.20.0.0/24", "interface": "eth0", "client-class": "snom",
               "relay": {"ip-addresses": ["127.0.0.2"]}, "valid-lifetime": 300, "authoritative": false,
               "pools": [{"pool": "10.20.0.100 - 10.20.0.199", "client-class": "snom",
                          "option-data": [{"name": "routers", "data": "10.20.0.1"}]},
                         {"pool": "10.20.0.64/27"}],
               "reservations": [
                 {"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.20.0.11", "hostname": "p1",
                  "client-classes": ["snom"], "next-server": "10.20.0.1",
                  "option-data": [{"name": "boot-file-name", "data": "p1.xml"}]},
                 {"client-id": "01:00:04:13:aa:bb:02", "ip-address": "10.20.0.12"},
                 {"circuit-id": "'port1'"}, {"duid": "01:02:03"}, {"hw-address": "000413aabb03"}
               ]},
              {"id": 7, "subnet": "10.30.0.0/16"}
            ]
          }
        }
        """#

    @Test func everyConstructIsRead() throws {
        let config = try KeaDHCP4Config.parse(text: Self.full, file: "full.conf")
        #expect(config.warnings.isEmpty)
        #expect(config.interfaces.interfaces == ["lo/127.0.0.1", "eth0"])
        #expect(config.interfaces.socketType == .udp && !config.interfaces.reDetect)
        #expect(
            config.interfaces.serviceSocketsMaxRetries == 5 && config.interfaces.serviceSocketsRetryWaitTime == 1000)
        #expect(!config.leaseDatabase.persist && config.leaseDatabase.name == "/tmp/l.csv")
        #expect(config.leaseDatabase.lfcInterval == 0 && config.leaseDatabase.maxRowErrors == 10)
        #expect(
            config.leaseTimes
                == KeaLeaseTimes(
                    validLifetime: 4000, minValidLifetime: 100, maxValidLifetime: 8000, renewTimer: 1000,
                    rebindTimer: 2000, calculateTeeTimes: true, t1Percent: 0.4, t2Percent: 0.8))
        #expect(config.authoritative && !config.matchClientID && !config.echoClientID)
        #expect(config.declineProbationPeriod == 60)
        #expect(
            config.bootFields
                == KeaBootFields(
                    nextServer: IPv4Address(10, 0, 0, 1), serverHostname: "castor", bootFileName: "boot.bin"))
        #expect(config.hostReservationIdentifiers == [.hwAddress, .flexID])
        #expect(config.reservationsGlobal && !config.reservationsInSubnet && config.reservationsOutOfPool)
        #expect(config.controlSocket == KeaControlSocket(socketName: "/tmp/k.sock"))
        #expect(config.loggers.first?.severity == "DEBUG" && config.loggers.first?.debugLevel == 10)
        #expect(config.loggers.first?.outputs.first?.maxSize == 1_048_576)
        #expect(config.loggers.first?.outputs.first?.pattern == "%m\n")
        #expect(config.comment == "lab" && config.userContext == .object(["site": .string("A")]))

        let snom = try #require(config.clientClass(named: "snom"))
        #expect(snom.test?.text == "substring(option[60].hex,0,4) == 'snom'")
        #expect(snom.test?.position == JSONPosition(line: 22, column: 32))
        #expect(snom.bootFields.nextServer == IPv4Address(10, 0, 0, 2) && snom.leaseTimes.validLifetime == 600)
        #expect(Kea.payload(snom.options, 66) == Array("http://x/".utf8))

        #expect(config.reservations.first?.identifier == KeaHostIdentifier(kind: .flexID, bytes: Array("global".utf8)))

        let phones = try #require(config.subnet(id: 1))
        #expect(phones.idIsAutomatic)
        #expect(phones.prefix.description == "10.20.0.0/24" && phones.prefix.mask == IPv4Address(255, 255, 255, 0))
        #expect(phones.relayAddresses == [IPv4Address(127, 0, 0, 2)])
        #expect(phones.interface == "eth0" && phones.clientClass == "snom" && phones.authoritative == false)
        #expect(phones.leaseTimes.validLifetime == 300)
        #expect(phones.leaseTimes.inheriting(config.leaseTimes).renewTimer == 1000)
        #expect(phones.pools.map(\.range.description) == ["10.20.0.100-10.20.0.199", "10.20.0.64-10.20.0.95"])
        #expect(phones.pools[0].clientClass == "snom" && Kea.payload(phones.pools[0].options, 3) == [10, 20, 0, 1])
        #expect(phones.reservations.count == 5)
        let mac = KeaHostIdentifier(kind: .hwAddress, bytes: [0x00, 0x04, 0x13, 0xAA, 0xBB, 0x01])
        let host = try #require(phones.reservationsByIdentifier[mac])
        #expect(host.ipAddress == IPv4Address(10, 20, 0, 11) && host.hostname == "p1")
        #expect(host.clientClasses == ["snom"] && host.bootFields.nextServer == IPv4Address(10, 20, 0, 1))
        #expect(Kea.payload(host.options, 67) == Array("p1.xml".utf8))
        #expect(host.identifier.macAddress?.description == "00:04:13:aa:bb:01")
        #expect(phones.reservations[2].identifier.bytes == Array("port1".utf8))
        #expect(phones.reservations[4].identifier.bytes == [0x00, 0x04, 0x13, 0xAA, 0xBB, 0x03])
        #expect(config.subnet(id: 7)?.idIsAutomatic == false)
    }

    @Test func defaultsAreKeas() throws {
        let config = try Kea.dhcp4(#""valid-lifetime": 100"#)
        #expect(config.leaseTimes.validLifetime == 100 && config.leaseTimes.t1Percent == 0.5)
        #expect(config.leaseTimes.t2Percent == 0.875 && config.leaseTimes.renewTimer == nil)
        #expect(config.interfaces.socketType == .raw && config.leaseDatabase.lfcInterval == 3600)
        #expect(!config.authoritative && config.matchClientID && config.echoClientID)
        #expect(config.declineProbationPeriod == 86_400)
        #expect(config.hostReservationIdentifiers == [.hwAddress, .duid, .circuitID, .clientID])
        #expect(config.controlSocket == nil && config.subnets.isEmpty)
    }

    @Test func strayCommasAndIgnoredKeysAreWarnings() throws {
        let text = "{\"Dhcp4\": {\"valid-lifetime\": 100,\n \"hooks-libraries\": [], }}"
        let config = try Kea.parse(text)
        #expect(
            config.warnings.map(\.description) == [
                "f:2:2: hooks-libraries is accepted but ignored by castor",
                "f:2:23: Extraneous comma. A piece of configuration may have been omitted.",
            ])
    }

    @Test func commentsOfEveryKindAreAccepted() throws {
        let config = try Kea.parse(
            "# hash\n{ // slash\n \"Dhcp4\": { /* block\n */ \"valid-lifetime\": 5 } }\n")
        #expect(config.leaseTimes.validLifetime == 5)
    }

    @Test func aPrefixPoolStartsAtItsAddressAsInKea() throws {
        let config = try Kea.dhcp4(
            #""subnet4": [{"id": 1, "subnet": "10.0.0.0/24", "pools": [{"pool": "10.0.0.5/24"}]}]"#)
        #expect(config.subnets.first?.pools.first?.range.description == "10.0.0.5-10.0.0.255")
    }

    /// Every example configuration shipped in `appliance/` loads (Kea's habit: every example is tested).
    /// Each was also accepted by `kea-dhcp4 -t` 2.2.0 when written.
    @Test func applianceExamplesLoad() throws {
        let directory = Self.packageRoot + "/appliance"
        let files = try #require(KeaTestFiles.list(directory)).filter { $0.contains(".conf") }.sorted()
        #expect(!files.isEmpty)
        for name in files {
            let config = try KeaDHCP4Config.load(path: directory + "/" + name)
            #expect(config.warnings.isEmpty, "\(config.warnings)")
            if name == "kea-dhcp4.conf.example" {
                let phones = try #require(config.subnet(id: 1))
                #expect(Kea.payload(phones.options, 150) == [10, 20, 0, 1])
                let snom = try #require(config.clientClass(named: "snom"))
                #expect(Kea.payload(snom.options, 66) == Array("http://10.20.0.1:8667/".utf8))
                #expect(phones.relayAddresses == [IPv4Address(127, 0, 0, 2)])
                #expect(config.clientClass(named: "snom")?.test?.text == "substring(option[60].hex,0,4) == 'snom'")
                let mac = KeaHostIdentifier(kind: .hwAddress, bytes: [0x00, 0x04, 0x13, 0xAA, 0xBB, 0x01])
                #expect(phones.reservationsByIdentifier[mac]?.ipAddress == IPv4Address(10, 20, 0, 11))
            }
        }
    }

    /// The example is what `castor lab init` writes, with the appliance's default paths: one source, two files.
    @Test func theApplianceExampleIsTheLabConfiguration() throws {
        let example = try String(
            contentsOfFile: Self.packageRoot + "/appliance/kea-dhcp4.conf.example", encoding: .utf8)
        let generated = KeaLabConfiguration.text(
            leaseFile: "/var/lib/castor/kea-leases4.csv", controlSocket: "/run/castor/kea4-ctrl-socket")
        #expect(example == generated)
        let config = try KeaDHCP4Config.parse(text: generated)
        #expect(config.interfaces.interfaces == ["lo/127.0.0.1"])
        #expect(config.controlSocket?.socketName == "/run/castor/kea4-ctrl-socket")
    }

    static var packageRoot: String {
        var path = #filePath
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return path
    }
}

/// Debian's stock `/etc/kea/kea-dhcp4.conf` (Kea 2.2.0-6) loads unchanged, where the package is installed.
@Suite("Stock Kea configuration")
struct KeaStockConfigTests {
    static let path = "/etc/kea/kea-dhcp4.conf"

    @Test(.enabled(if: KeaTestFiles.list("/etc/kea")?.contains("kea-dhcp4.conf") == true))
    func debiansStockConfigLoads() throws {
        let config = try KeaDHCP4Config.load(path: Self.path)
        #expect(config.subnets.first?.prefix.description == "192.0.2.0/24")
        #expect(config.subnets.first?.idIsAutomatic == true)
        #expect(config.warnings.contains { $0.message.hasPrefix("Extraneous comma") })
    }
}
