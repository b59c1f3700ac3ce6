/// Where template texts come from. Provisioning reads no file itself: the server gives it a
/// `DirectoryTemplateSource` over the site and built-in folders, tests an `InMemoryTemplateSource`.
///
/// Paths are relative and `/`-separated (`snom/base/device.xml.mustache`); `TemplateChain` decides which paths
/// to ask for, in which order.
public protocol TemplateSource: Sendable {
    /// The template at `path`, or nil when there is none. Throws when one exists but cannot be read: an override
    /// that silently fell back to the built-in template would be worse than an error.
    func template(at path: String) throws(ProvisioningError) -> TemplateText?
}

/// A template's text and where it was found (a file path, or `memory:` + path), for errors and logs.
public struct TemplateText: Sendable, Equatable {
    public var text: String
    public var origin: String

    public init(text: String, origin: String) {
        self.text = text
        self.origin = origin
    }
}

/// Refuses paths that could leave the template folders.
enum TemplatePath {
    static func check(_ path: String) throws(ProvisioningError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.unicodeScalars.contains("\0"),
            components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { throw .unsafeTemplatePath(path) }
    }

    /// Whether `segment` may name a folder or file of the template tree (a model, a file name): letters, digits,
    /// `.`, `-`, `_`, and not `.`/`..`.
    static func isSafeSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".." && segment.utf8.count <= 128
            && segment.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || scalar == "." || scalar == "-" || scalar == "_")
            }
    }
}
