import Foundation

/// One byte range of a `Range: bytes=…` header (RFC 9110 §14.1.2), resolved against the representation's
/// length. Only single ranges are honoured: a multi-range request gets the whole file (200), which §14.2
/// allows ("a server MAY ignore the Range header field"), and firmware downloaders ask for one range.
///
/// ```swift
/// ByteRange.parse("bytes=0-499", length: 1000)    // .range(0...499)
/// ByteRange.parse("bytes=-100", length: 1000)     // .range(900...999)
/// ByteRange.parse("bytes=2000-", length: 1000)    // .unsatisfiable → 416 with Content-Range: bytes */1000
/// ```
enum ByteRange: Equatable {
    case range(ClosedRange<Int>)
    case unsatisfiable
    /// Not a single bytes range we understand: serve the whole representation.
    case ignored

    static func parse(_ header: String, length: Int) -> ByteRange {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .ignored }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .ignored }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty)
        else { return .ignored }
        if first.isEmpty {
            // A suffix range: the last N bytes (§14.1.3). N = 0 cannot be satisfied.
            guard let count = Int(last.prefix(18)), count > 0, length > 0 else { return .unsatisfiable }
            return .range(max(0, length - count)...(length - 1))
        }
        guard let start = Int(first.prefix(18)) else { return .ignored }
        guard start < length else { return .unsatisfiable }
        let end = last.isEmpty ? length - 1 : min(Int(last.prefix(18)) ?? Int.max, length - 1)
        guard end >= start else { return .ignored }
        return .range(start...end)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
