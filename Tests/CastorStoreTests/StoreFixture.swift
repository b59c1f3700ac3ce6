import CastorModel
import Foundation
import Testing

@testable import CastorStore

/// A fresh database file in its own temporary directory, removed when the fixture goes away.
final class StoreFixture {
    let directory: URL
    let path: String
    let store: CastorStore

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("castor-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("castor.db").path
        store = try CastorStore.open(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A context with one user range, `start`–`end`.
    @discardableResult
    func context(_ name: String, users start: String = "1000", _ end: String = "1099") throws -> Context {
        try store.createContext(
            Context(
                name: name, displayName: name.capitalized, ranges: [NumberRange(kind: .user, start: start, end: end)]))
    }

    /// A line `exten` in `context`, with its extension.
    @discardableResult
    func line(_ exten: String, in context: String = "comptabilite") throws -> Line {
        try store.createLine(Line(username: exten, secret: "secret-\(exten)", context: context, exten: exten))
    }
}

/// The `CastorError` `body` throws, or nil when it does not (any other error is recorded as an issue).
func failure<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> CastorError? {
    do {
        _ = try body()
        return nil
    } catch let error as CastorError {
        return error
    } catch {
        Issue.record("expected a CastorError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension CastorError {
    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }

    var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }

    var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }

    var reason: String {
        switch self {
        case .invalid(_, let reason), .conflict(_, let reason): return reason
        case .notFound(let kind, let key): return "\(kind) \(key)"
        }
    }
}
