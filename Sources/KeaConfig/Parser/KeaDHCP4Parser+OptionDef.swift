import CastorJSON

extension KeaDHCP4Parser {
    /// `option-def[]`, checked as Kea 2.2's `OptionDefParser` and `OptionDefinition::validate` check it;
    /// each definition is added to `table` so later `option-data` can use it.
    func parseOptionDefinitions(
        _ node: JSONNode, space defaultSpace: String, into table: inout KeaOptionDefinitionTable
    ) throws(KeaConfigError) -> [KeaOptionDefinition] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var definitions: [KeaOptionDefinition] = []
        for element in elements {
            let map = try KeaMap(
                element, name: "option-def", file: file,
                allowed: [
                    "name", "code", "type", "array", "record-types", "space", "encapsulate", "comment", "user-context",
                ])
            let name = try map.requiredString("name")
            guard let code = try map.integer("code"), let codeNode = map.value("code") else {
                throw map.missing("code")
            }
            let typeText = try map.requiredString("type")
            let typePosition = map.value("type")?.position ?? map.position
            let space = try map.string("space") ?? defaultSpace
            let isArray = try map.bool("array") ?? false
            let recordText = try map.string("record-types") ?? ""
            let encapsulate = try map.string("encapsulate") ?? ""

            guard !name.isEmpty,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { throw map.error(map.value("name")?.position ?? map.position, "invalid option name '\(name)'") }
            let optionCode = try checkedCode(code, at: codeNode.position)
            let type = try optionType(typeText, at: typePosition)
            var recordTypes: [KeaOptionType] = []
            if !recordText.trimmingKeaSpaces().isEmpty {
                let recordPosition = map.value("record-types")?.position ?? map.position
                guard type == .record else {
                    throw map.error(
                        recordPosition,
                        "invalid record type values specified for the option definition: 'record' option type must"
                            + " be used instead of '\(typeText)' to add data fields to the record")
                }
                for field in recordText.split(separator: ",").map({ String($0).trimmingKeaSpaces() }) {
                    let fieldType = try optionType(field, at: recordPosition)
                    guard fieldType != .record, fieldType != .empty else {
                        throw map.error(
                            recordPosition,
                            "invalid record type values specified for the option definition: '\(field)' may not be a record field"
                        )
                    }
                    recordTypes.append(fieldType)
                }
            }
            if type == .record && recordTypes.count < 2 {
                throw map.error(
                    map.position,
                    "invalid number of data fields: \(recordTypes.count) specified for the option of type 'record'."
                        + " Expected at least 2 fields.")
            }
            if isArray && [.string, .binary, .empty].contains(type) {
                let what = type == .string ? "strings" : type == .binary ? "binary values" : "empty values"
                throw map.error(map.position, "array of \(what) is not a valid option definition.")
            }
            let definition = KeaOptionDefinition(
                name: name, code: optionCode, type: type, isArray: isArray, recordTypes: recordTypes, space: space,
                encapsulate: encapsulate, position: map.position)
            if let reason = table.add(definition) { throw map.error(map.position, reason) }
            definitions.append(definition)
        }
        return definitions
    }

    /// An option code 1…254 (Kea: 0 is PAD, 255 END).
    func checkedCode(_ code: Int64, at position: JSONPosition) throws(KeaConfigError) -> UInt8 {
        switch code {
        case 0: throw error(position, "invalid option code '0': reserved for PAD")
        case 255: throw error(position, "invalid option code '255': reserved for END")
        case 256...: throw error(position, "invalid option code '\(code)', it must not be greater than '255'")
        case ..<0: throw error(position, "invalid option code '\(code)', it must not be negative")
        default: return UInt8(code)
        }
    }

    func optionType(_ text: String, at position: JSONPosition) throws(KeaConfigError) -> KeaOptionType {
        if let type = KeaOptionType(rawValue: text) { return type }
        if KeaOptionType.unsupportedKeaTypes.contains(text) {
            throw error(position, "option type '\(text)' is not supported by castor")
        }
        throw error(position, "option type '\(text)' not supported.")
    }
}
