// The DHCP codec and lease engine under libFuzzer (notes/fuzzing.md). Built by scripts/fuzz/dhcp.sh with
// `-sanitize=fuzzer,address -D CASTOR_LIBFUZZER`, libFuzzer provides `main` and calls the entry point below.
// In a normal build it is a replay tool: `fuzz-dhcp FILE…` runs each file (a corpus entry or a crash that
// libFuzzer saved) through the same body, so a crash can be reproduced in the debugger; `fuzz-dhcp --seed
// DIR` writes the seed corpus.
import CastorFuzzing

#if CASTOR_LIBFUZZER
    nonisolated(unsafe) var target = DHCPFuzzTarget()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzDHCP(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
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
    @_cdecl("fuzz_dhcp_main")
    public func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var count = argc
        var vector = argv
        return runFuzzerDriver(&count, &vector, fuzzDHCP)
    }
#else
    @main enum FuzzDHCP {
        static func main() throws {
            var target = DHCPFuzzTarget()
            try FuzzReplay.main(tool: "fuzz-dhcp", seeds: DHCPFuzzTarget.seeds) { bytes in
                target.exercise(bytes)
                return nil
            }
        }
    }
#endif
