import CastorJSON
import DHCPCodec

/// A Kea 2.2 `kea-dhcp4.conf`, read into typed values: what `castor dhcp -c FILE` serves.
///
/// ```swift
/// let config = try KeaDHCP4Config.load(path: "/etc/kea/kea-dhcp4.conf")
/// for warning in config.warnings { log.warning("\(warning)") }
/// let phones = config.subnets.first { $0.prefix.contains(IPv4Address(10, 20, 0, 5)) }
/// ```
///
/// The file is parsed as Kea parses it (comments, a stray comma warned about, strict types, unknown and
/// duplicate keys refused) and checked as Kea checks it (pools inside their subnet and disjoint, unique subnet
/// ids, reservations unique and inside their subnet, option data matching its definition); every error says
/// `FILE:LINE:COL:`. Option data is encoded to wire bytes here, so a bad `data` fails at load, not at the first
/// DISCOVER. Global values Kea defaults are filled in (``leaseTimes``, ``leaseDatabase``…).
public struct KeaDHCP4Config: Equatable, Sendable {
    public var file: String
    public var interfaces = KeaInterfacesConfig()
    public var leaseDatabase = KeaLeaseDatabase()
    /// Global lifetimes and timers, with Kea's defaults filled in (valid 7200 s, T1 .5, T2 .875).
    public var leaseTimes = KeaLeaseTimes(
        validLifetime: 7200, calculateTeeTimes: false, t1Percent: 0.5, t2Percent: 0.875)
    public var authoritative = false
    public var matchClientID = true
    public var echoClientID = true
    /// Seconds a declined address stays unusable.
    public var declineProbationPeriod: UInt32 = 86_400
    public var bootFields = KeaBootFields()
    /// The identifiers reservations are looked up by, in order.
    public var hostReservationIdentifiers: [KeaHostIdentifier.Kind] = [.hwAddress, .duid, .circuitID, .clientID]
    public var reservationsGlobal = false
    public var reservationsInSubnet = true
    public var reservationsOutOfPool = false
    public var controlSocket: KeaControlSocket?
    public var loggers: [KeaLogger] = []
    /// The `option-def` entries (Kea's standard definitions are not repeated here).
    public var optionDefinitions: [KeaOptionDefinition] = []
    /// Global `option-data`, encoded.
    public var options: [KeaOptionData] = []
    public var clientClasses: [KeaClientClass] = []
    public var subnets: [KeaSubnet] = []
    /// Global host reservations (used when `reservations-global` is true).
    public var reservations: [KeaReservation] = []
    public var comment: String?
    public var userContext: JSONValue?
    /// What was accepted but deserves a look: stray commas, keys Castor ignores, ignored option values.
    public var warnings: [KeaConfigWarning] = []

    public init(file: String) { self.file = file }

    /// Reads and parses a configuration file.
    public static func load(path: String) throws(KeaConfigError) -> KeaDHCP4Config {
        let bytes: [UInt8]
        do {
            bytes = try KeaFileReader.contents(of: path)
        } catch {
            throw KeaConfigError(file: path, line: 0, column: 0, message: "cannot read the file: \(error.reason)")
        }
        return try parse(bytes: bytes, file: path)
    }

    /// Parses a configuration; `file` is what error messages call it.
    public static func parse(text: String, file: String = "<string>") throws(KeaConfigError) -> KeaDHCP4Config {
        try parse(bytes: Array(text.utf8), file: file)
    }

    public static func parse(bytes: [UInt8], file: String) throws(KeaConfigError) -> KeaDHCP4Config {
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: bytes, options: .kea)
        } catch {
            throw KeaConfigError(file: file, line: error.line, column: error.column, message: error.reason)
        }
        var parser = KeaDHCP4Parser(file: file, source: bytes)
        parser.warn(document.warnings)
        return try parser.parseDocument(document.root)
    }

    /// The class named `name`, if defined.
    public func clientClass(named name: String) -> KeaClientClass? { clientClasses.first { $0.name == name } }

    /// The subnet with id `id`, if any.
    public func subnet(id: UInt32) -> KeaSubnet? { subnets.first { $0.id == id } }

    /// Global reservations by identifier.
    public var reservationsByIdentifier: [KeaHostIdentifier: KeaReservation] {
        Dictionary(reservations.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
