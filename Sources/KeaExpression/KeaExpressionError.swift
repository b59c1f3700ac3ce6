/// Why a client-class `test` expression was refused, and where: `offset` counts characters from the start of
/// the expression text (0-based), pointing at the token Kea's parser would stop at.
///
/// Messages keep Kea 2.2's bison wording where there is one (`syntax error, unexpected end of file, expecting ==
/// or +`, `Not defined client class 'a'`), so an administrator can search for them.
public struct KeaExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Offset of the problem in the expression text, 0-based, in characters (Unicode scalars, as `JSONPosition`
    /// columns count them).
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `14: syntax error, unexpected end of file, expecting == or +`
    public var description: String { "\(offset): \(message)" }
}
