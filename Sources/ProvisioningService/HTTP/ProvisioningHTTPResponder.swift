import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Provisioning
import TFTPProtocol

/// HTTP provisioning (port 8667): GET and HEAD of the files `ProvisioningService` answers, with the URL key
/// checked first when the site has one. Refusals carry only the status's words in their body.
///
/// ```swift
/// let app = Application(responder: ProvisioningHTTPResponder(service: service, firmware: firmware),
///                       configuration: .init(address: .hostname("0.0.0.0", port: 8667)))
/// ```
public struct ProvisioningHTTPResponder: HTTPResponder {
    public typealias Context = ProvisioningRequestContext

    let service: ProvisioningService
    let firmware: any FirmwareStore

    public init(service: ProvisioningService, firmware: any FirmwareStore) {
        self.service = service
        self.firmware = firmware
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Self.plain(.methodNotAllowed, headers: headers, request: request)
        }
        guard let target = stripKey(request.uri.string) else {
            // No key, or a wrong one: as if nothing were here.
            return Self.plain(.notFound, request: request)
        }
        let provisioningRequest = ProvisioningRequest(
            httpTarget: target, userAgent: request.headers[.userAgent], sourceIP: context.remoteIP)
        switch service.answer(provisioningRequest) {
        case .file(let file):
            let digest = SHA256.hash(data: file.bytes).prefix(12).map { String(format: "%02x", $0) }.joined()
            let representation = HTTPRepresentation(
                length: file.bytes.count, contentType: Self.contentType(file.contentType), entityTag: "\"\(digest)\"",
                lastModified: nil, cacheControl: file.isSensitive || file.carriesCredentials ? "no-store" : "no-cache",
                source: TFTPMemorySource(file.bytes))
            return representation.response(to: request)
        case .firmware(let components):
            switch firmware.open(components) {
            case .success(let image):
                let representation = HTTPRepresentation(
                    length: image.byteCount, contentType: "application/octet-stream",
                    entityTag:
                        "\"\(String(image.byteCount, radix: 16))-\(String(Int(image.modified.timeIntervalSince1970 * 1000), radix: 16))\"",
                    lastModified: image.modified, cacheControl: "no-cache", source: image.source)
                return representation.response(to: request)
            case .failure(let refusal):
                return Self.plain(HTTPResponse.Status(code: refusal.httpStatus), request: request)
            }
        case .refused(let refusal):
            return Self.plain(HTTPResponse.Status(code: refusal.httpStatus), request: request)
        }
    }

    /// The target without `/<url_key>`, or nil when the key is required and absent.
    func stripKey(_ target: String) -> String? {
        let key = service.configuration.urlKey
        guard !key.isEmpty else { return target }
        let prefix = "/" + key + "/"
        guard target.hasPrefix(prefix) else { return nil }
        return "/" + target.dropFirst(prefix.count)
    }

    /// Text types get their charset: the templates are UTF-8.
    static func contentType(_ type: String) -> String {
        type.hasPrefix("text/") || type.hasSuffix("/xml") ? type + "; charset=utf-8" : type
    }

    static func plain(_ status: HTTPResponse.Status, headers: HTTPFields = [:], request: Request) -> Response {
        var headers = headers
        let body = "\(status.code) \(status.reasonPhrase)\n"
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(body.utf8.count)
        headers[.cacheControl] = "no-store"
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
