import CastorJSON
import KeaExpression

/// A client class: a name, an optional test expression, and what members get.
///
/// ```json
/// {"name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'", "option-data": [...]}
/// ```
///
/// The test is parsed when the configuration loads (Kea 2.2 refuses a bad expression at load time too); the text
/// and the position of its string literal are kept for messages.
public struct KeaClientClass: Equatable, Sendable {
    /// A test expression, parsed, and where its string literal starts.
    public struct Test: Equatable, Sendable {
        public var text: String
        public var position: JSONPosition
        /// The parsed expression; `expression.evaluate(message, isMember:)` classifies a packet.
        public var expression: KeaExpression

        public init(text: String, position: JSONPosition, expression: KeaExpression) {
            self.text = text
            self.position = position
            self.expression = expression
        }

        /// Parses `text` with Kea's standard option names and no check of `member('…')` names.
        public init(text: String, position: JSONPosition) throws(KeaExpressionError) {
            self.init(text: text, position: position, expression: try KeaExpression(parsing: text))
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
