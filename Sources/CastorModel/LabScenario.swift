import CastorCore

/// The lab of the guide (DESIGN.md §5): what `castor lab init` and `castor run --lab` write into a data dir.
///
/// Applying it is idempotent: the store creates what is missing and leaves what exists (and any secret it
/// generated the first time) alone.
public struct LabScenario: Sendable {
    public struct Person: Sendable {
        public var name: String
        public var email: String
        public var context: String
        public var exten: String
    }

    public struct Phone: Sendable {
        public var mac: MACAddress
        public var model: String
        public var exten: String
    }

    public var entity = Entity(name: "lab", displayName: "Laboratoire VoIP")
    public var contexts: [Context]
    public var people: [Person]
    public var phones: [Phone]

    /// The guide's scenario: two internal contexts, four users, two Snom D715 phones.
    public static let standard = LabScenario(
        contexts: [
            Context(
                name: "comptabilite", displayName: "Comptabilité", type: .internal,
                ranges: [
                    NumberRange(kind: .user, start: "1000", end: "1099"),
                    NumberRange(kind: .group, start: "1100", end: "1199"),
                    NumberRange(kind: .ivr, start: "3000", end: "3099"),
                ]),
            Context(
                name: "administratif", displayName: "Administratif", type: .internal,
                ranges: [
                    NumberRange(kind: .user, start: "2000", end: "2099"),
                    NumberRange(kind: .group, start: "2100", end: "2199"),
                ]),
        ],
        people: [
            Person(name: "Alice", email: "alice@lab.example", context: "comptabilite", exten: "1001"),
            Person(name: "Bob", email: "bob@lab.example", context: "comptabilite", exten: "1002"),
            Person(name: "Claire", email: "claire@lab.example", context: "administratif", exten: "2001"),
            Person(name: "David", email: "david@lab.example", context: "administratif", exten: "2002"),
        ],
        phones: [
            // Snom's OUI is 00:04:13.
            Phone(mac: try! MACAddress(parsing: "00:04:13:AA:BB:01"), model: "D715", exten: "1001"),
            Phone(mac: try! MACAddress(parsing: "00:04:13:AA:BB:02"), model: "D715", exten: "1002"),
        ])
}
