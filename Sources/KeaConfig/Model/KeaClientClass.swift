import CastorJSON

/// A client class: a name, an optional test expression, and what members get.
///
/// ```json
/// {"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'", "option-data": [...]}
/// ```
///
/// The test is kept as text with its position; Castor's expression evaluator parses it, and can report an
/// error inside it at `position` (the opening quote) plus the offset.
public struct KeaClientClass: Equatable, Sendable {
    /// A test expression and where its string literal starts.
    public struct Test: Equatable, Sendable {
        public var text: String
        public var position: JSONPosition

        public init(text: String, position: JSONPosition) {
            self.text = text
            self.position = position
        }
    }

    public var name: String
    public var test: Test?
    /// Evaluated only when a subnet or pool names it in `require-client-classes`.
    public var onlyIfRequired = false
    public var options: [KeaOptionData] = []
    public var optionDefinitions: [KeaOptionDefinition] = []
    public var bootFields = KeaBootFields()
    public var leaseTimes = KeaLeaseTimes()
    public var comment: String?
    public var userContext: JSONValue?
    public var position: JSONPosition

    public init(name: String, position: JSONPosition) {
        self.name = name
        self.position = position
    }
}
