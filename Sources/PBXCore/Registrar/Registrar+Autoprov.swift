import CastorModel

extension Registrar {
    /// Stops accepting device `deviceID`'s autoprov account (it dialled a code and is bound to a line now)
    /// and drops its bindings, returned as changes. Lines are untouched.
    mutating func retireAutoprovAccount(deviceID: Int64) -> [SIPBindingChange] {
        guard let username = usernamesByID[-deviceID] else { return [] }
        lines[username] = nil
        usernamesByID[-deviceID] = nil
        let changes = (contacts[-deviceID] ?? []).map {
            SIPBindingChange.remove(lineID: -deviceID, contact: $0.binding.contact)
        }
        contacts[-deviceID] = nil
        return changes
    }
}

extension Registrar {
    /// The live bindings registered from `address` (the REGISTER's source), lines by id.
    public func bindings(fromAddress address: String) -> [SIPBinding] {
        contacts.keys.sorted().flatMap { lineID in
            (contacts[lineID] ?? []).lazy.map(\.binding).filter { $0.sourceAddress == address }
        }
    }
}

extension Registrar {
    /// The autoprov accounts the registrar accepts now.
    public var autoprovAccounts: [RegistrarLine] {
        lines.values.filter { $0.autoprovDevice != nil }.sorted { $0.lineID < $1.lineID }
    }

    /// Replaces the autoprov accounts (the store made new ones for phones that fetched a file, or some phones
    /// were bound to lines) and keeps the lines; nil when nothing changed, else the bindings dropped.
    mutating func replaceAutoprovAccounts(_ accounts: [RegistrarLine]) -> [SIPBindingChange]? {
        let sorted = accounts.sorted { $0.lineID < $1.lineID }
        guard sorted != autoprovAccounts else { return nil }
        return replaceLines(lines.values.filter { $0.autoprovDevice == nil } + sorted)
    }
}
