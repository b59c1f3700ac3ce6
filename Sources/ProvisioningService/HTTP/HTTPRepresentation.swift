import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TFTPProtocol

/// A file as HTTP serves it — rendered bytes or a firmware image — with what conditional and range
/// requests are judged on (RFC 9110 §8.8, §13, §14).
struct HTTPRepresentation: Sendable {
    var length: Int
    var contentType: String
    /// A strong validator, quoted (`"…"`).
    var entityTag: String
    var lastModified: Date?
    var cacheControl: String
    /// The bytes, by offset and length (a file is read a chunk at a time, never whole).
    var source: any TFTPFileSource & Sendable

    /// Chunk size for streamed bodies.
    static let chunkSize = 64 * 1024

    /// The response to `request` (GET or HEAD): 304 when a validator matches, 206/416 for a satisfiable or
    /// unsatisfiable single range, 200 otherwise. HEAD gets the same headers and no body.
    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.eTag] = entityTag
        headers[.cacheControl] = cacheControl
        headers[.acceptRanges] = "bytes"
        if let lastModified { headers[.lastModified] = HTTPDate.format(lastModified) }

        if notModified(request) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        var range = 0...(max(length, 1) - 1)
        var status = HTTPResponse.Status.ok
        if let header = request.headers[.range], rangeApplies(request) {
            switch ByteRange.parse(header, length: length) {
            case .range(let requested):
                range = requested
                status = .partialContent
                headers[.contentRange] = "bytes \(requested.lowerBound)-\(requested.upperBound)/\(length)"
            case .unsatisfiable:
                headers[.contentRange] = "bytes */\(length)"
                headers[.contentLength] = "0"
                headers[.contentType] = nil
                return Response(status: .rangeNotSatisfiable, headers: headers)
            case .ignored:
                break
            }
        }
        let count = length == 0 ? 0 : range.count
        headers[.contentLength] = String(count)
        if request.method == .head || count == 0 { return Response(status: status, headers: headers) }
        let source = self.source
        let start = range.lowerBound
        return Response(
            status: status, headers: headers,
            body: ResponseBody(contentLength: count) { writer in
                var offset = start
                let end = start + count
                while offset < end {
                    let bytes = try source.read(offset: offset, length: min(Self.chunkSize, end - offset))
                    guard !bytes.isEmpty else { break }
                    try await writer.write(ByteBuffer(bytes: bytes))
                    offset += bytes.count
                }
                try await writer.finish(nil)
            })
    }

    /// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    private func notModified(_ request: Request) -> Bool {
        let tags = request.headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if !tags.isEmpty {
            // Weak comparison for If-None-Match (§13.1.2): W/"x" matches "x".
            return tags.contains { $0 == "*" || $0 == entityTag || $0 == "W/" + entityTag }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse), let lastModified {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    /// If-Range (§13.1.5): the range applies only when the validator still matches; else the whole file.
    private func rangeApplies(_ request: Request) -> Bool {
        guard let condition = request.headers[.ifRange] else { return true }
        if condition.hasPrefix("\"") { return condition == entityTag }
        guard let date = HTTPDate.parse(condition), let lastModified else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
    }
}

/// IMF-fixdate (RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    static func format(_ date: Date) -> String {
        formatter().string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        formatter().date(from: text)
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
