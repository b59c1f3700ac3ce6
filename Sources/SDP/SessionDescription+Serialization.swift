extension SessionDescription: CustomStringConvertible {
    /// The description in RFC 8866 §5's order, each line ended by CRLF.
    public func serialized() -> [UInt8] { Array(description.utf8) }

    /// The description as text, in RFC 8866 §5's order with CRLF line ends (what ``serialized()`` encodes).
    public var description: String {
        var text = ""
        func line(_ type: String, _ value: String) {
            text += type
            text += "="
            text += value
            text += "\r\n"
        }
        line("v", "\(version)")
        line("o", origin.description)
        // RFC 8866 §5.3: "s=" must not be empty; a single space stands for no name.
        line("s", sessionName.isEmpty ? " " : sessionName)
        information.map { line("i", $0) }
        uri.map { line("u", $0) }
        for email in emails { line("e", email) }
        for phone in phones { line("p", phone) }
        connection.map { line("c", $0.description) }
        for bandwidth in bandwidths { line("b", bandwidth.description) }
        for time in timing {
            line("t", "\(time.start) \(time.stop)")
            for repeatTime in time.repeats { line("r", repeatTime) }
        }
        timeZones.map { line("z", $0) }
        encryptionKey.map { line("k", $0) }
        for attribute in attributes { line("a", attribute.description) }
        for stream in media {
            line("m", stream.mediaLine)
            stream.information.map { line("i", $0) }
            for connection in stream.connections { line("c", connection.description) }
            for bandwidth in stream.bandwidths { line("b", bandwidth.description) }
            stream.encryptionKey.map { line("k", $0) }
            for attribute in stream.attributes { line("a", attribute.description) }
        }
        return text
    }
}
