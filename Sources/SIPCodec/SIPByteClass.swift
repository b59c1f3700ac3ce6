/// Character classes of RFC 3261 §25.1, on UTF-8 bytes. Non-ASCII bytes belong to none of them.
enum SIPByteClass {
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return false
        }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        hexValue(byte) != nil
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// SP or HTAB (RFC 3261 §25.1 WSP).
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    /// `token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")`.
    @inline(__always) static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "*"),
            UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "~"):
            return true
        default: return isAlphanumeric(byte)
        }
    }

    /// `word` of Call-ID (RFC 3261 §25.1): token characters and `( ) < > : \ " / [ ] ? { }`.
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ":"),
            UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default: return isToken(byte)
        }
    }

    /// `unreserved = alphanum / mark`, `mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"`.
    @inline(__always) static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default: return isAlphanumeric(byte)
        }
    }

    /// Characters of a SIP URI's `user` besides unreserved and escapes: `& = + $ , ; ? /`.
    @inline(__always) static func isUserCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "/"):
            return true
        default: return isUnreserved(byte)
        }
    }

    /// Characters of a SIP URI's `password` besides unreserved and escapes: `& = + $ ,`.
    @inline(__always) static func isPasswordCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: ","):
            return true
        default: return isUnreserved(byte)
        }
    }

    /// `paramchar` of a URI parameter, besides escapes: unreserved and `[ ] / : & + $`.
    @inline(__always) static func isParameterCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "&"),
            UInt8(ascii: "+"), UInt8(ascii: "$"):
            return true
        default: return isUnreserved(byte)
        }
    }

    /// `hname`/`hvalue` characters of URI headers, besides escapes: unreserved and `[ ] / ? : + $`.
    @inline(__always) static func isURIHeaderCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"),
            UInt8(ascii: "+"), UInt8(ascii: "$"):
            return true
        default: return isUnreserved(byte)
        }
    }

    /// `uric` of RFC 2396 (absoluteURI of other schemes): reserved, unreserved, `%`, and `[ ] #` seen in the wild.
    @inline(__always) static func isURICharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "@"),
            UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: ","),
            UInt8(ascii: "%"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
            return true
        default: return isUnreserved(byte)
        }
    }

    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
