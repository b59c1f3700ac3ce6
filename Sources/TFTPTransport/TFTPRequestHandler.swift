import TFTPProtocol

/// What the server asks of its owner: which bytes answer a read request, and how each transfer ended.
///
/// ``resolve(_:)`` runs in a task of its own per request, so it may await a store or render a template; the
/// transfer starts when it returns. ``transferEnded(_:outcome:)`` is called on the transfer's event loop once
/// the transfer is over (completed, failed, or aborted by ``TFTPServer/stop()``): it must return quickly and
/// never block, and may start a task for slower work.
///
/// ```swift
/// struct ProfileHandler: TFTPRequestHandler {
///     let root: TFTPRootDirectory
///     func resolve(_ request: TFTPReadContext) async -> TFTPResolution {
///         do { return .file(try root.open(request.path)) } catch { return error.resolution }
///     }
///     func transferEnded(_ context: TFTPReadContext, outcome: TFTPTransferOutcome) {
///         print(context, outcome)
///     }
/// }
/// ```
public protocol TFTPRequestHandler: Sendable {
    /// The file for an admitted RRQ, or the ERROR that refuses it.
    func resolve(_ request: TFTPReadContext) async -> TFTPResolution

    /// The answer, when the handler can give it without waiting (a file on disk, a render from a local
    /// store): called first, on the listener's event loop, so the transfer starts there. nil (the default)
    /// means "ask ``resolve(_:)``", which runs as a task.
    func resolveNow(_ request: TFTPReadContext) -> TFTPResolution?

    /// A transfer that ``resolve(_:)`` allowed is over. The default does nothing.
    func transferEnded(_ context: TFTPReadContext, outcome: TFTPTransferOutcome)
}

extension TFTPRequestHandler {
    public func resolveNow(_ request: TFTPReadContext) -> TFTPResolution? { nil }

    public func transferEnded(_ context: TFTPReadContext, outcome: TFTPTransferOutcome) {}
}
