/// Something a lenient parse accepted but a reader should hear about, such as Kea's "extraneous comma".
public struct JSONWarning: Equatable, Sendable, CustomStringConvertible {
    public var position: JSONPosition
    public var message: String

    public init(position: JSONPosition, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "line \(position.line), column \(position.column): \(message)" }
}
