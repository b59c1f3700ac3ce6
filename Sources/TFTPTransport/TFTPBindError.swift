/// Why ``TFTPServer/start(configuration:handler:group:)`` could not open the well-known port. Fatal for the
/// service: the message says which address and why, for the operator to free the port or fix the address.
///
/// ```swift
/// do {
///     server = try await TFTPServer.start(configuration: configuration, handler: handler)
/// } catch {
///     print(error)  // cannot bind 127.0.0.1:69: Address already in use
/// }
/// ```
public struct TFTPBindError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
