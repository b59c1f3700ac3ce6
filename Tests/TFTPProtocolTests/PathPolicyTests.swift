import Testing

@testable import TFTPProtocol

@Suite struct PathPolicyTests {
    let policy = TFTPPathPolicy()

    func refusal(_ name: String, policy: TFTPPathPolicy = TFTPPathPolicy()) -> TFTPPathRefusal? {
        do {
            _ = try policy.components(of: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptedNames() throws {
        #expect(try policy.components(of: "snom715.htm") == ["snom715.htm"])
        #expect(try policy.components(of: "/snom715.htm") == ["snom715.htm"])
        #expect(try policy.components(of: "snom/fw/snom715-10.1.bin") == ["snom", "fw", "snom715-10.1.bin"])
        #expect(try policy.components(of: "a//b/./c/") == ["a", "b", "c"])
        #expect(try policy.components(of: "pxelinux\\boot.0") == ["pxelinux", "boot.0"])
        #expect(try policy.components(of: "a..b") == ["a..b"])
        #expect(try policy.components(of: "été.txt") == ["été.txt"])
    }

    @Test func refusedNames() {
        #expect(refusal("") == .empty)
        #expect(refusal("a\u{0}b") == .controlCharacter)
        #expect(refusal("a\nb") == .controlCharacter)
        #expect(refusal("a\u{7F}") == .controlCharacter)
        #expect(refusal("//etc/passwd") == .absolute)
        #expect(refusal("../etc/passwd") == .parentDirectory)
        #expect(refusal("/a/../../etc") == .parentDirectory)
        #expect(refusal("a/..") == .parentDirectory)
        #expect(refusal("..\\..\\windows") == .parentDirectory)
        #expect(refusal("a\\..\\b") == .parentDirectory)
        #expect(refusal(".git/config") == .hiddenComponent(".git"))
        #expect(refusal("a/.../b") == .hiddenComponent("..."))
        #expect(refusal("/") == .noFile)
        #expect(refusal(".") == .noFile)
        #expect(refusal("/./") == .noFile)
        #expect(refusal(String(repeating: "a", count: 1025)) == .tooLong(1025))
    }

    @Test func options() throws {
        let permissive = TFTPPathPolicy(treatsBackslashAsSeparator: false, allowsHiddenComponents: true)
        #expect(try permissive.components(of: ".profile") == [".profile"])
        #expect(try permissive.components(of: "a\\b") == ["a\\b"])
        // A backslash name that is not a separator cannot climb: "..\\x" is one odd component.
        #expect(try permissive.components(of: "..\\x") == ["..\\x"])
        #expect(refusal("a/../b", policy: permissive) == .parentDirectory)
    }

    @Test func refusalsAreAccessViolations() {
        #expect(
            TFTPPathRefusal.parentDirectory.errorPacket
                == .error(.accessViolation, message: "Access violation: \"..\" in path"))
        let all: [TFTPPathRefusal] = [
            .empty, .tooLong(2000), .controlCharacter, .absolute, .parentDirectory, .hiddenComponent(".x"), .noFile,
        ]
        for refusal in all {
            guard case .error(.accessViolation, let message) = refusal.errorPacket else {
                Issue.record("\(refusal)")
                continue
            }
            #expect(message.hasSuffix(refusal.description))
        }
    }
}
