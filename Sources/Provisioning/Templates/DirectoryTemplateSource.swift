import Foundation

/// Templates read from folders, the first folder that has the path winning: typically
/// `[/etc/castor/templates, <data dir>/templates, /usr/share/castor/templates]`.
///
/// Only reads, and only below its folders: paths with `..`, absolute paths and backslashes are refused before
/// any file-system call. Folders are read on every call, so an edited override takes effect at the next fetch.
///
/// ```swift
/// let templates = DirectoryTemplateSource(directories: ["/etc/castor/templates", "/usr/share/castor/templates"])
/// try templates.template(at: "snom/base/device.xml.mustache")?.origin
/// // "/usr/share/castor/templates/snom/base/device.xml.mustache"
/// ```
public struct DirectoryTemplateSource: TemplateSource {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    public func template(at path: String) throws(ProvisioningError) -> TemplateText? {
        try TemplatePath.check(path)
        let files = FileManager.default
        for directory in directories where !directory.isEmpty {
            let full = directory.hasSuffix("/") ? directory + path : directory + "/" + path
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = files.contents(atPath: full) else {
                throw .templateUnreadable(path: full, reason: "permission denied or I/O error")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .templateUnreadable(path: full, reason: "not UTF-8")
            }
            return TemplateText(text: text, origin: full)
        }
        return nil
    }
}
