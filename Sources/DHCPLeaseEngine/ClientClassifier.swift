import DHCPCodec
import KeaConfig
import KeaExpression

/// Puts a packet in client classes, as Kea's `Dhcpv4Srv::classifyPacket` does (Kea 2.2 ARM §8.2.15).
///
/// Built in: `ALL`, `VENDOR_CLASS_<option 60>`. Then each configured class whose `test` is true, in file order
/// (a test sees, through `member()`, the classes assigned before it); `only-if-required` classes are skipped.
/// A class whose test depends on `KNOWN`/`UNKNOWN` (directly or through an earlier such class) is evaluated
/// after the host reservation lookup, as Kea defers it; so are the reservation's own `client-classes`.
struct ClientClassifier: Sendable {
    private struct Test: Sendable {
        var name: String
        var expression: KeaExpression?
        var afterHostLookup: Bool
    }

    private var tests: [Test] = []

    init(_ configuration: KeaDHCP4Config) {
        var deferred: Set<String> = ["KNOWN", "UNKNOWN"]
        for clientClass in configuration.clientClasses where !clientClass.onlyIfRequired {
            let expression = clientClass.test?.expression
            let late = expression?.referencedClasses.contains(where: deferred.contains) ?? false
            if late { deferred.insert(clientClass.name) }
            tests.append(Test(name: clientClass.name, expression: expression, afterHostLookup: late))
        }
    }

    /// The classes of `packet` before the subnet is known.
    func classify(_ packet: DHCPMessage) -> [String] {
        var classes = ["ALL"]
        if let vendor = packet.vendorClassIdentifier { classes.append("VENDOR_CLASS_" + vendor) }
        evaluate(packet, late: false, into: &classes)
        return classes
    }

    /// `classes` plus `KNOWN` or `UNKNOWN`, the reservation's classes, and the deferred tests.
    func finish(_ classes: [String], packet: DHCPMessage, host: KeaReservation?) -> [String] {
        var result = classes
        result.append(host == nil ? "UNKNOWN" : "KNOWN")
        for name in host?.clientClasses ?? [] where !result.contains(name) { result.append(name) }
        evaluate(packet, late: true, into: &result)
        return result
    }

    /// A class without a test is assigned only through a reservation (Kea: "no test, no automatic membership").
    private func evaluate(_ packet: DHCPMessage, late: Bool, into classes: inout [String]) {
        for test in tests where test.afterHostLookup == late && !classes.contains(test.name) {
            guard let expression = test.expression else { continue }
            let members = classes
            if expression.evaluate(packet, isMember: { members.contains($0) }) { classes.append(test.name) }
        }
    }
}
