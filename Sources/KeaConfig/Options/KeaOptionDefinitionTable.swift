/// Every option definition in force: Kea 2.2's standard ones for `dhcp4`, then the user's `option-def`s.
///
/// A user definition may not reuse a standard code or name in `dhcp4` (Kea 2.2: `unable to override
/// definition of option '66' in standard option space 'dhcp4'`), nor a code or name already defined in its
/// space.
struct KeaOptionDefinitionTable {
    private var byCode: [String: [UInt8: KeaOptionDefinition]] = [:]
    private var byName: [String: [String: KeaOptionDefinition]] = [:]

    func definition(space: String, code: UInt8) -> KeaOptionDefinition? {
        if let user = byCode[space]?[code] { return user }
        return KeaStandardOptionDefinitions.definition(space: space, code: code)
    }

    func definition(space: String, name: String) -> KeaOptionDefinition? {
        if let user = byName[space]?[name] { return user }
        return KeaStandardOptionDefinitions.definition(space: space, name: name)
    }

    /// Adds a user definition, or returns Kea's reason for refusing it.
    mutating func add(_ definition: KeaOptionDefinition) -> String? {
        let space = definition.space
        if space == "dhcp4" {
            if KeaStandardOptionDefinitions.byCode[definition.code] != nil {
                return "unable to override definition of option '\(definition.code)' in standard option space 'dhcp4'"
            }
            if KeaStandardOptionDefinitions.byName[definition.name] != nil {
                return "unable to override definition of option '\(definition.name)' in standard option space 'dhcp4'"
            }
        }
        if byName[space]?[definition.name] != nil {
            return "option definition with name '\(definition.name)' already exists in option space '\(space)'"
        }
        if byCode[space]?[definition.code] != nil {
            return "option definition with code '\(definition.code)' already exists in option space '\(space)'"
        }
        byCode[space, default: [:]][definition.code] = definition
        byName[space, default: [:]][definition.name] = definition
        return nil
    }
}
