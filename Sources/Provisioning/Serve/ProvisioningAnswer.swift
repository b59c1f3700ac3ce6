/// What the server owes a request for a provisioning file.
public enum ProvisioningAnswer: Sendable, Equatable {
    /// A rendered file (common to a model, or the device's own).
    case file(RenderedFile)
    case refused(ProvisioningRefusal)
}

/// Why a request is not served, mapped to HTTP statuses and TFTP errors. `reason` is for the log, not the
/// phone: the HTTP body and TFTP message say only the status's words, so a prober learns nothing.
public enum ProvisioningRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such file, a file for no known model, unknown phone with autoprov off: 404 / ERROR 1.
    case notFound(reason: String)
    /// Not from an allowed network, or a phone asking for another phone's file: 403 / ERROR 2.
    case forbidden(reason: String)
    /// Too many unknown MACs asked from one address (enumeration): 429 / ERROR 2.
    case tooManyRequests(reason: String)
    /// A template that does not parse or cannot be read: 500 / ERROR 0.
    case failed(reason: String)

    public var reason: String {
        switch self {
        case .notFound(let reason), .forbidden(let reason), .tooManyRequests(let reason), .failed(let reason):
            return reason
        }
    }

    public var httpStatus: Int {
        switch self {
        case .notFound: 404
        case .forbidden: 403
        case .tooManyRequests: 429
        case .failed: 500
        }
    }

    /// A stable label for logs and metrics.
    public var label: String {
        switch self {
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .tooManyRequests: "too_many_requests"
        case .failed: "failed"
        }
    }

    public var description: String { "\(label): \(reason)" }
}
