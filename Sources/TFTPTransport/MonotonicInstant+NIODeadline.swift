import CastorCore
import NIOCore

/// The one place where NIO's clock becomes the engines' clock: `NIODeadline` counts nanoseconds of
/// CLOCK_MONOTONIC, and so does the `MonotonicInstant` handed to ``TFTPProtocol/TFTPReadTransfer``, so a
/// deadline the transfer asks for maps to an event-loop deadline and back without drift.
extension MonotonicInstant {
    /// NIO's clock now.
    static var eventLoopNow: MonotonicInstant { MonotonicInstant(NIODeadline.now()) }

    init(_ deadline: NIODeadline) {
        self.init(nanoseconds: Int64(clamping: deadline.uptimeNanoseconds))
    }

    /// The same instant on the event loop's clock (instants before its origin clamp to it).
    var eventLoopDeadline: NIODeadline { .uptimeNanoseconds(UInt64(clamping: nanoseconds)) }
}
