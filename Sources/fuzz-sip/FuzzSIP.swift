// The SIP codec under libFuzzer (notes/fuzzing.md). Built by scripts/fuzz/sip.sh with
// `-sanitize=fuzzer,address -D CASTOR_LIBFUZZER`, libFuzzer provides `main` and calls the entry point below.
// In a normal build it is a replay tool: `fuzz-sip FILE…` runs each file (a corpus entry or a crash that
// libFuzzer saved) through the same body, so a crash can be reproduced in the debugger; `fuzz-sip --seed DIR`
// writes the seed corpus.
import CastorFuzzing

#if CASTOR_LIBFUZZER
    nonisolated(unsafe) var target = SIPFuzzTarget()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzSIP(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        guard let start else { return 0 }
        target.exercise(UnsafeBufferPointer(start: start, count: count))
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point as `<module>_main` (and aliases `main` to it), so libFuzzer's
    /// own `main` is not linked in: start its driver from here.
    @_cdecl("fuzz_sip_main")
    public func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var count = argc
        var vector = argv
        return runFuzzerDriver(&count, &vector, fuzzSIP)
    }
#else
    @main enum FuzzSIP {
        static func main() throws {
            var target = SIPFuzzTarget()
            try FuzzReplay.main(tool: "fuzz-sip", seeds: SIPFuzzTarget.seeds) { bytes in
                let violation: String?
                if case .violation(let why) = target.check(bytes) { violation = why } else { violation = nil }
                target.exercise(bytes)
                return violation
            }
        }
    }
#endif
