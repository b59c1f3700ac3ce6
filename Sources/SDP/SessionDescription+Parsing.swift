extension SessionDescription {
    /// Parses a session description (RFC 8866 §5, §9).
    ///
    /// Lenient where real devices differ and nothing is lost: LF or CRLF line ends, trailing spaces and tabs,
    /// blank lines, runs of spaces between fields, session-level lines in any order after `v=0`, an empty
    /// `s=`. Strict where RFC 8866 §5 calls the description malformed: `v=0` first; exactly one o= and one
    /// s=; at least one t=; an unknown type letter; a session-only line after the first m=; a field that does
    /// not match its grammar; a stream with a port but no connection address.
    public init(parsing bytes: some Collection<UInt8>) throws(SDPParseError) {
        let lines = try SDPLine.lines(of: bytes)
        guard let first = lines.first else {
            throw SDPParseError(.empty, line: 1, text: "", "no SDP lines (RFC 8866 §5)")
        }
        guard first.type == "v", first.value == "0" else {
            throw SDPParseError(
                .invalidVersion, line: first.number, text: first.text,
                "a description starts with v=0 (RFC 8866 §5.1)")
        }
        var parser = Parser()
        for line in lines.dropFirst() {
            do { try parser.add(line) } catch { throw error.at(line: line.number, text: line.text) }
        }
        self = try parser.finish(endLine: (lines.last?.number ?? 1) + 1)
    }
}

/// The description read so far: the session section until the first m=, then the current stream.
private struct Parser {
    var origin: SDPOrigin?
    var sessionName: String?
    var information: String?
    var uri: String?
    var emails: [String] = []
    var phones: [String] = []
    var connection: SDPConnection?
    var bandwidths: [SDPBandwidth] = []
    var timing: [SDPTiming] = []
    var timeZones: String?
    var encryptionKey: String?
    var attributes: [SDPAttribute] = []
    var media: [MediaDescription] = []
    /// The line number of each m= line, for errors found at the end.
    var mediaLines: [Int] = []

    mutating func add(_ line: SDPLine) throws(SDPParseError) {
        if media.isEmpty {
            try addSessionLine(line)
        } else {
            try addMediaLine(line)
        }
    }

    private mutating func addSessionLine(_ line: SDPLine) throws(SDPParseError) {
        let value = line.value
        switch line.type {
        case "o": origin = try once(origin, line, SDPOrigin(parsing: value))
        case "s": sessionName = try once(sessionName, line, value)
        case "i": information = try once(information, line, value)
        case "u": uri = try once(uri, line, value)
        case "e": emails.append(value)
        case "p": phones.append(value)
        case "c": connection = try once(connection, line, SDPConnection(parsing: value))
        case "b": bandwidths.append(try SDPBandwidth(parsing: value))
        case "t": timing.append(try SDPTiming(parsing: value))
        case "r":
            guard !timing.isEmpty else {
                throw SDPParseError(.misplacedField, text: value, "an r= line follows a t= line (RFC 8866 §5.10)")
            }
            timing[timing.count - 1].repeats.append(value)
        case "z": timeZones = try once(timeZones, line, value)
        case "k": encryptionKey = try once(encryptionKey, line, value)
        case "a": attributes.append(try SDPAttribute(parsing: value))
        case "m": try startMedia(line)
        default:
            throw SDPParseError(.misplacedField, text: value, "v= is only the first line (RFC 8866 §5.1)")
        }
    }

    private mutating func addMediaLine(_ line: SDPLine) throws(SDPParseError) {
        let value = line.value
        let last = media.count - 1
        switch line.type {
        case "i": media[last].information = try once(media[last].information, line, value)
        case "c": media[last].connections.append(try SDPConnection(parsing: value))
        case "b": media[last].bandwidths.append(try SDPBandwidth(parsing: value))
        case "k": media[last].encryptionKey = try once(media[last].encryptionKey, line, value)
        case "a": media[last].attributes.append(try SDPAttribute(parsing: value))
        case "m": try startMedia(line)
        default:
            throw SDPParseError(
                .misplacedField, text: value,
                "\(line.type)= belongs to the session section, before the first m= (RFC 8866 §5)")
        }
    }

    private mutating func startMedia(_ line: SDPLine) throws(SDPParseError) {
        media.append(try MediaDescription(parsing: line.value))
        mediaLines.append(line.number)
    }

    /// `value`, unless the field was already set.
    private func once<Value>(
        _ existing: Value?, _ line: SDPLine, _ value: @autoclosure () throws(SDPParseError) -> Value
    )
        throws(SDPParseError) -> Value
    {
        guard existing == nil else {
            throw SDPParseError(
                .duplicateField, text: line.value, "more than one \(line.type)= line in this section (RFC 8866 §5)")
        }
        return try value()
    }

    func finish(endLine: Int) throws(SDPParseError) -> SessionDescription {
        guard let origin else { throw missing("o=", "§5.2", endLine) }
        guard let sessionName else { throw missing("s=", "§5.3", endLine) }
        guard !timing.isEmpty else { throw missing("t=", "§5.9", endLine) }
        for (index, stream) in media.enumerated()
        where stream.port != 0 && stream.connections.isEmpty && connection == nil {
            throw SDPParseError(
                .missingConnection, line: mediaLines[index], text: "m=\(stream.mediaLine)",
                "a stream needs a c= line, its own or the session's (RFC 8866 §5.7)")
        }
        return SessionDescription(
            origin: origin, sessionName: sessionName, information: information, uri: uri, emails: emails,
            phones: phones, connection: connection, bandwidths: bandwidths, timing: timing, timeZones: timeZones,
            encryptionKey: encryptionKey, attributes: attributes, media: media)
    }

    private func missing(_ field: String, _ section: String, _ line: Int) -> SDPParseError {
        SDPParseError(.missingField, line: line, text: "", "the description has no \(field) line (RFC 8866 \(section))")
    }
}
