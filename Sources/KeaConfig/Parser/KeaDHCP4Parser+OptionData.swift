import CastorJSON

extension KeaDHCP4Parser {
    /// `option-data[]` of one level, encoded. Sub-options of a space an option encapsulates (option 43's
    /// `vendor-encapsulated-options-space`) are appended to that option's payload when it has no data of its
    /// own, as Kea builds option 43 from its configured sub-options.
    mutating func parseOptionData(
        _ node: JSONNode, definitions table: KeaOptionDefinitionTable
    ) throws(KeaConfigError) -> [KeaOptionData] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var options: [KeaOptionData] = []
        var encapsulating: [(index: Int, space: String)] = []
        for element in elements {
            let (option, definition) = try parseOption(element, definitions: table)
            if let definition, !definition.encapsulate.isEmpty, option.data.isEmpty {
                encapsulating.append((options.count, definition.encapsulate))
            }
            options.append(option)
        }
        for (index, space) in encapsulating {
            for sub in options where sub.space == space {
                options[index].data += [sub.code, UInt8(truncatingIfNeeded: sub.data.count)] + sub.data
            }
        }
        return options
    }

    private mutating func parseOption(
        _ element: JSONNode, definitions table: KeaOptionDefinitionTable
    ) throws(KeaConfigError) -> (KeaOptionData, KeaOptionDefinition?) {
        let map = try KeaMap(
            element, name: "option-data", file: file,
            allowed: ["name", "code", "data", "csv-format", "space", "always-send", "comment", "user-context"])
        let name = try map.string("name")
        let space = try map.string("space") ?? "dhcp4"
        let csvFormat = try map.bool("csv-format") ?? true
        let alwaysSend = try map.bool("always-send") ?? false
        let data = try map.string("data")
        let dataPosition = map.value("data")?.position ?? map.position
        _ = try map.userContext()
        _ = try map.string("comment")

        var code: UInt8?
        if let written = try map.integer("code"), let codeNode = map.value("code") {
            code = try checkedCode(written, at: codeNode.position)
        }
        guard code != nil || name != nil else {
            throw map.error(
                map.position, "option data configuration requires one of 'code' or 'name' parameters to be specified")
        }
        var definition: KeaOptionDefinition?
        if let code {
            definition = table.definition(space: space, code: code)
            if let definition, let name, definition.name != name {
                throw map.error(
                    map.value("name")?.position ?? map.position,
                    "specified option name '\(name)' does not match the option definition: '\(space).\(definition.name)'"
                )
            }
        } else if let name {
            definition = table.definition(space: space, name: name)
        }
        guard let resolvedCode = code ?? definition?.code else {
            throw map.error(
                map.value("name")?.position ?? map.position,
                "definition for the option '\(space).\(name ?? "")' having code '0' does not exist")
        }
        let prefix = "option data does not match option definition (space: \(space), code: \(resolvedCode)): "

        var bytes: [UInt8]
        if csvFormat {
            guard let definition else {
                throw map.error(
                    map.value("code")?.position ?? map.position,
                    "definition for the option '\(space).\(name ?? "")' having code '\(resolvedCode)' does not exist")
            }
            do {
                let encoded = try KeaOptionEncoder.encode(csv: data ?? "", as: definition)
                bytes = encoded.bytes
                if encoded.ignoredValues {
                    warn(
                        dataPosition,
                        "only the first value of option '\(definition.name)' is used (Kea ignores the rest);"
                            + " write a comma inside the text as \\\\,")
                }
            } catch {
                throw map.error(data == nil ? map.position : dataPosition, prefix + error.message)
            }
        } else {
            guard let decoded = KeaHexText.decode(data ?? "") else {
                throw map.error(dataPosition, "option data is not a valid string of hexadecimal digits: \(data ?? "")")
            }
            bytes = decoded
            if let definition { try checkHexPayload(bytes, for: definition, at: dataPosition, prefix: prefix) }
        }
        let option = KeaOptionData(
            code: resolvedCode, space: space, name: definition?.name ?? name, data: bytes, alwaysSend: alwaysSend,
            csvFormat: csvFormat, position: map.position)
        return (option, definition)
    }

    /// Kea unpacks hex data with the option's definition, so a payload too short for it fails
    /// (`option buffer truncated`; an empty string option: `… was empty or contained only nuls`).
    private func checkHexPayload(
        _ bytes: [UInt8], for definition: KeaOptionDefinition, at position: JSONPosition, prefix: String
    ) throws(KeaConfigError) {
        if definition.type == .string && bytes.allSatisfy({ $0 == 0 }) {
            throw error(
                position,
                prefix + "failed to parse an option '\(definition.code)' holding string value' was empty or"
                    + " contained only nuls")
        }
        if let width = definition.type.fixedWidth {
            let fits = definition.isArray ? !bytes.isEmpty && bytes.count % width == 0 : bytes.count >= width
            guard fits else { throw error(position, prefix + "option buffer truncated") }
        }
    }
}
