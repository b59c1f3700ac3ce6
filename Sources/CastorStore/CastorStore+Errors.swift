import CastorModel
import Foundation
import GRDB

/// Translation of SQLite errors into `CastorError`s: no SQLite message or GRDB type leaves the store.
///
/// The store checks every constraint in code before writing, so these are a backstop (a bug, or a race with
/// another process between the check and the write, which the immediate transaction makes unlikely).
extension CastorStore {
    /// The `CastorError` for anything thrown inside a transaction.
    func mapError(_ error: any Error) -> CastorError {
        if let error = error as? CastorError { return error }
        if let error = error as? DatabaseError { return Self.map(error, path: path) }
        return .invalid(field: "database", reason: "the database \(path) could not be used: \(type(of: error))")
    }

    /// The error for a file that could not be opened or migrated.
    static func openingError(_ error: any Error, path: String) -> CastorError {
        if let error = error as? CastorError { return error }
        guard let error = error as? DatabaseError else {
            return .invalid(field: "database", reason: "cannot open \(path): \(type(of: error))")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .invalid(
                field: "database",
                reason:
                    "\(path) is not a Castor database (not SQLite, or damaged); move it away or pass another --data-dir"
            )
        case .SQLITE_CANTOPEN:
            return .invalid(
                field: "database", reason: "cannot open \(path): check that it exists and that this user may read it")
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .invalid(
                field: "database", reason: "cannot write \(path): this user may not (check its owner and mode)")
        default:
            return map(error, path: path)
        }
    }

    /// A human message for an SQLite error; constraint failures name the API field concerned.
    static func map(_ error: DatabaseError, path: String) -> CastorError {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            let field = uniqueField(in: error.message ?? "")
            return .conflict(field: field, reason: "this \(field) is already taken")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return .conflict(field: "id", reason: "the change would leave a reference to a missing record")
        case .SQLITE_CONSTRAINT_TRIGGER:
            return .invalid(field: "context", reason: "a line's extension must be in the line's context")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL:
            return .invalid(field: "value", reason: "a value is missing or outside what the database accepts")
        default:
            break
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .conflict(
                field: "database",
                reason: "\(path) stayed locked by another Castor process for \(Int(busyTimeout)) s; try again")
        case .SQLITE_FULL:
            return .invalid(field: "database", reason: "the disk holding \(path) is full")
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .invalid(field: "database", reason: "cannot write \(path): this user may not")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .invalid(field: "database", reason: "\(path) is damaged or not a Castor database")
        default:
            return .invalid(
                field: "database",
                reason: "the database \(path) could not be read or written (SQLite code \(error.resultCode.rawValue))")
        }
    }

    /// The API field for a `UNIQUE constraint failed: table.column, …` message (the last column is the one
    /// that distinguishes: `extension.context_id, extension.exten` → `exten`).
    private static func uniqueField(in message: String) -> String {
        let columns = message.split(separator: ":").last.map { $0.split(separator: ",") } ?? []
        guard let last = columns.last?.split(separator: ".").last else { return "id" }
        switch last.trimmingCharacters(in: .whitespaces) {
        case "username": return "username"
        case "mac": return "mac"
        case "exten": return "exten"
        case "position": return "position"
        case "line_id": return "line_id"
        case "number": return "number"
        case "name": return "name"
        default: return "id"
        }
    }
}

extension Optional where Wrapped == Int64 {
    /// The id of a row read from the database (always set there; an error rather than a trap if not).
    var stored: Int64 {
        get throws {
            guard let self else {
                throw CastorError.invalid(field: "id", reason: "a stored row has no id (damaged database?)")
            }
            return self
        }
    }
}
