import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers POSIX signals as an async sequence. The signals are ignored for their default action
/// (`SIG_IGN`) and watched through `DispatchSource`, which reads them safely outside the handler context.
/// Children started with swift-subprocess get default dispositions back (POSIX_SPAWN_SETSIGDEF).
/// `@unchecked`: the sources are set once in `init` and only cancelled after, which Dispatch allows from any thread.
final class SignalStream: @unchecked Sendable {
    let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        let queue = DispatchQueue(label: "castor.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
