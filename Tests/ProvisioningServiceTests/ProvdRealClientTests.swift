import CastorCore
import CastorModel
import CastorTestSupport
import Foundation
import Testing

@testable import ProvisioningService

/// The lab's phones fetch their files from a running server with real clients: curl (HTTP), atftp (with
/// blksize, tsize and windowsize) and tftp-hpa. Every file is the same bytes over all three; XML is
/// well-formed (xmllint); credentials go only to their own phone.
@Suite("castor provd with real clients", .serialized)
struct ProvdRealClientTests {
    static let labFiles = [
        "snomD715.htm", "snom-general.xml", "snomD715.xml", "snomD715-firmware.xml", "snomD715-000413AABB01.htm",
        "000413AABB01.xml", "000413AABB02.xml", "000413AABBFF.xml",
    ]

    @Test("each lab file is byte-identical over curl, atftp (blksize 1468, tsize, windowsize 16) and tftp-hpa")
    func sameBytesEverywhere() async throws {
        let provd = try await ProvdFixture.start(firmwareBytes: 64 * 1024)
        defer { Task { await provd.stop() } }
        for file in Self.labFiles {
            let http = try await provd.curl("/" + file)
            #expect(http.code == 200, "\(file): HTTP \(http.code)")
            #expect(!http.body.isEmpty, "\(file)")
            let windowed = try await provd.atftp(file, options: ["blksize 1468", "tsize 0", "windowsize 16"])
            #expect(windowed.bytes == http.body, "\(file) over atftp: \(windowed.output)")
            let lockstep = try await provd.atftp(file)
            #expect(lockstep.bytes == http.body, "\(file) over atftp lock-step: \(lockstep.output)")
            let hpa = try await provd.tftpHPA(file)
            #expect(hpa.bytes == http.body, "\(file) over tftp-hpa: \(hpa.output)")
            if file.hasSuffix(".xml") || file.hasSuffix(".htm") {
                let path = provd.downloads + "/" + file
                try http.body.write(to: URL(fileURLWithPath: path))
                let lint = try await Subprocess.run("/usr/bin/xmllint", ["--noout", path])
                #expect(lint.status == 0, "\(file): \(lint.stderr)")
            }
        }
    }

    @Test("1001's phone gets 1001's credentials and nothing of 1002's; an unknown MAC gets nobody's")
    func credentialsStayWithTheirPhone() async throws {
        let provd = try await ProvdFixture.start()
        defer { Task { await provd.stop() } }
        let lines = try provd.store.lines()
        let secrets = Dictionary(uniqueKeysWithValues: lines.map { ($0.username, $0.secret) })
        let alice = try #require(secrets["1001"])
        let bob = try #require(secrets["1002"])

        let first = try await provd.curl("/000413AABB01.xml")
        let text = String(decoding: first.body, as: UTF8.self)
        #expect(text.contains(alice))
        #expect(!text.contains(bob))

        let unknown = try await provd.atftp("000413AABBFF.xml")
        let unknownText = String(decoding: try #require(unknown.bytes), as: UTF8.self)
        for secret in secrets.values { #expect(!unknownText.contains(secret)) }
        // The stranger is now known, unassigned, with its last fetch.
        let device = try provd.store.device(mac: "00:04:13:aa:bb:ff")
        #expect(device.state == .autoprov && device.lastFetch == "000413AABBFF.xml" && device.ip == "127.0.0.1")

        // A phone asking for another's file (User-Agent says …01, file says …02) gets 403.
        let spoof = try await provd.curl(
            "/000413AABB02.xml", ["-A", "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABB01)"])
        #expect(spoof.code == 403)
    }

    @Test("a 40 MB firmware image crosses the block-number rollover intact (blksize 512: 81,920 blocks)")
    func rollover() async throws {
        let provd = try await ProvdFixture.start(firmwareBytes: 40 * 1024 * 1024)
        defer { Task { await provd.stop() } }
        let original = try Data(
            contentsOf: URL(fileURLWithPath: provd.firmwareDirectory + "/" + ProvdFixture.firmwareName))
        let fetched = try await provd.atftp(
            "firmware/" + ProvdFixture.firmwareName, options: ["blksize 512", "windowsize 16"])
        #expect(fetched.bytes?.count == original.count, "\(fetched.output)")
        #expect(fetched.bytes == original)
    }

    @Test("firmware over HTTP: length, HEAD, a range, If-None-Match")
    func httpFirmware() async throws {
        let provd = try await ProvdFixture.start(firmwareBytes: 256 * 1024)
        defer { Task { await provd.stop() } }
        let original = try Data(
            contentsOf: URL(fileURLWithPath: provd.firmwareDirectory + "/" + ProvdFixture.firmwareName))
        let path = "/firmware/" + ProvdFixture.firmwareName
        let whole = try await provd.curl(path)
        #expect(whole.code == 200 && whole.body == original)
        #expect(whole.headers.lowercased().contains("content-length: \(original.count)"))
        #expect(whole.headers.lowercased().contains("accept-ranges: bytes"))

        let head = try await provd.curl(path, ["-I"])
        #expect(head.code == 200 && head.headers.lowercased().contains("content-length: \(original.count)"))

        let part = try await provd.curl(path, ["-r", "1000-1999"])
        #expect(part.code == 206 && part.body == original[1000..<2000])
        #expect(part.headers.contains("bytes 1000-1999/\(original.count)"))
        let beyond = try await provd.curl(path, ["-H", "Range: bytes=\(original.count + 10)-"])
        #expect(beyond.code == 416)

        let tag = try #require(
            whole.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?
                .dropFirst(5).trimmingCharacters(in: .whitespaces))
        let cached = try await provd.curl(path, ["-H", "If-None-Match: \(tag)"])
        #expect(cached.code == 304 && cached.body.isEmpty)

        let config = try await provd.curl("/snomD715.htm")
        let configTag = try #require(
            config.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?
                .dropFirst(5).trimmingCharacters(in: .whitespaces))
        #expect(try await provd.curl("/snomD715.htm", ["-H", "If-None-Match: \(configTag)"]).code == 304)
        #expect(try await provd.curl("/snomD715.htm", ["-X", "POST"]).code == 405)
    }

    @Test("traversal and symlinks out of the firmware directory are refused; the server keeps serving")
    func traversal() async throws {
        let provd = try await ProvdFixture.start(firmwareBytes: 4096)
        defer { Task { await provd.stop() } }
        try FileManager.default.createSymbolicLink(
            atPath: provd.firmwareDirectory + "/passwd.bin", withDestinationPath: "/etc/passwd")
        for name in [
            "../castor.db", "firmware/../castor.db", "firmware/../../etc/passwd", "/etc/passwd",
            "firmware//etc/passwd", "firmware/passwd.bin", "firmware/", "castor.db",
        ] {
            let fetched = try await provd.atftp(name)
            #expect(fetched.bytes == nil, "\(name) was served over TFTP")
            let hpa = try await provd.tftpHPA(name)
            #expect(hpa.bytes == nil || hpa.bytes?.isEmpty == true, "\(name) was served over tftp-hpa")
        }
        for path in ["/firmware/..%2Fcastor.db", "/firmware/passwd.bin", "/../castor.db", "/firmware/%2e%2e/castor.db"]
        {
            let fetched = try await provd.curl(path, ["--path-as-is"])
            #expect(fetched.code == 403 || fetched.code == 404, "\(path): \(fetched.code)")
        }
        #expect(try await provd.atftp("snomD715.htm").bytes != nil)
    }

    @Test("outside the allowed networks nothing is served; with a URL key, only under the key")
    func accessPolicy() async throws {
        let closed = try await ProvdFixture.start { $0.allowedNetworks = [try! IPv4Network(parsing: "10.20.0.0/24")] }
        #expect(try await closed.curl("/snomD715.htm").code == 403)
        #expect(try await closed.atftp("snomD715.htm").bytes == nil)
        await closed.stop()

        let keyed = try await ProvdFixture.start { $0.urlKey = "k3y" }
        #expect(try await keyed.curl("/snomD715.htm").code == 404)
        #expect(try await keyed.curl("/k3y/snomD715.htm").code == 200)
        #expect(try await keyed.curl("/k3y/000413AABB01.xml").code == 200)
        await keyed.stop()
    }

    @Test("MAC enumeration: beyond the limit of unknown MACs per address, 429 over HTTP and an error over TFTP")
    func enumerationLimit() async throws {
        let provd = try await ProvdFixture.start { $0.unknownDeviceLimit = 3 }
        defer { Task { await provd.stop() } }
        for last in ["F1", "F2", "F3"] { #expect(try await provd.curl("/000413AABB\(last).xml").code == 200) }
        #expect(try await provd.curl("/000413AABBF4.xml").code == 429)
        #expect(try await provd.atftp("000413AABBF5.xml").bytes == nil)
        // Known phones and already-admitted strangers are still served.
        #expect(try await provd.curl("/000413AABB01.xml").code == 200)
        #expect(try await provd.curl("/000413AABBF2.xml").code == 200)
    }
}
