import CastorJSON

extension KeaDHCP4Parser {
    /// `client-classes[]`. The test expression is parsed here (see ``parseClassTest(_:at:earlierClasses:)``); a
    /// class name defined twice fails as in Kea 2.2 (`Can't add class: Client Class: a has already been defined`).
    mutating func parseClientClasses(_ node: JSONNode) throws(KeaConfigError) -> [KeaClientClass] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var classes: [KeaClientClass] = []
        for element in elements {
            let map = try KeaMap(
                element, name: "client-classes", file: file,
                allowed: [
                    "name", "test", "only-if-required", "option-data", "option-def", "next-server", "server-hostname",
                    "boot-file-name", "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "comment",
                    "user-context",
                ])
            let name = try map.requiredString("name")
            guard !name.isEmpty else {
                throw map.error(map.value("name")?.position ?? map.position, "client class name must not be empty")
            }
            if classes.contains(where: { $0.name == name }) {
                throw map.error(
                    map.value("name")?.position ?? map.position,
                    "Can't add class: Client Class: \(name) has already been defined")
            }
            var clientClass = KeaClientClass(name: name, position: map.position)
            if let test = try map.string("test"), let testNode = map.value("test") {
                clientClass.test = try parseClassTest(test, at: testNode.position, earlierClasses: classes)
            }
            clientClass.onlyIfRequired = try map.bool("only-if-required") ?? false
            var table = definitions
            if let defs = map.value("option-def") {
                clientClass.optionDefinitions = try parseOptionDefinitions(defs, space: "dhcp4", into: &table)
            }
            if let options = map.value("option-data") {
                clientClass.options = try parseOptionData(options, definitions: table)
            }
            clientClass.bootFields = try parseBootFields(map)
            clientClass.leaseTimes = KeaLeaseTimes(
                validLifetime: try map.integer("valid-lifetime", as: UInt32.self),
                minValidLifetime: try map.integer("min-valid-lifetime", as: UInt32.self),
                maxValidLifetime: try map.integer("max-valid-lifetime", as: UInt32.self))
            try checkTimers(clientClass.leaseTimes, in: map)
            clientClass.comment = try map.string("comment")
            clientClass.userContext = try map.userContext()
            classes.append(clientClass)
        }
        return classes
    }
}
