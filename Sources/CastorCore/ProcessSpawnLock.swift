import Synchronization

/// Serialises the starting of child processes within this process. swift-corelibs-foundation's
/// `Process.run()` crashed (a `memcpy` from a freed pointer inside `run()`) when the test run started
/// programs from several threads at once; every `Process.run()` of ours — the self-signed certificate made
/// at start, and the tests' subprocesses — goes through here, so no two overlap. Starting is quick (the
/// child runs on its own afterwards), so holding the lock costs nothing measurable.
public enum ProcessSpawnLock {
    private static let mutex = Mutex(())

    /// Runs `start` (a `Process.run()`) while no other thread of this process is starting one.
    public static func starting(_ start: () throws -> Void) throws {
        try mutex.withLock { _ in try start() }
    }
}
