extension DialPlan {
    /// The context of autoprov accounts (the SIP account of a phone no line is bound to). Not a valid context
    /// name (`Validate.identifier`), so no context of the store can be it.
    public static let autoprovContext = "(autoprov)"

    /// Whether `number` has the shape of a provisioning code: six ASCII digits.
    public static func isProvisioningCode(_ number: String) -> Bool {
        number.utf8.count == 6 && number.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The autoprov context's whole dial plan: six digits are looked up among the lines' provisioning codes;
    /// anything else — an extension, a feature code, an emergency number — is refused (403). An autoprov
    /// account is handed to any phone that asks provd with an unknown MAC: it must not be a way to call anyone,
    /// and a phone that cannot call emergency services should say so at once (403, "not allowed from this
    /// account") rather than pretend the number does not exist (404); the answer is the same for every
    /// number, so it tells nothing about which exist.
    func routeFromAutoprov(_ number: String) -> DialPlanRoute {
        guard Self.isProvisioningCode(number) else { return .autoprovRestricted }
        guard let lineID = provisioningCodes[number] else { return .unknownProvisioningCode }
        return .provisioningCode(lineID: lineID)
    }
}
