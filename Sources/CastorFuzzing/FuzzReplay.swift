import Foundation

/// What a fuzz executable does when built without libFuzzer (`swift build --product fuzz-sip`): `TOOL --seed
/// DIR` writes the seed corpus, `TOOL FILE…` runs each file (a corpus entry, or a crash libFuzzer saved)
/// through the same body as the fuzzer, so a crash can be reproduced in the debugger. `replay` runs one
/// input and returns a property violation, if the target checks properties.
public enum FuzzReplay {
    public static func main(tool: String, seeds: [[UInt8]], replay: ([UInt8]) -> String?) throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--seed", arguments.count == 2 {
            try FileManager.default.createDirectory(atPath: arguments[1], withIntermediateDirectories: true)
            for (index, seed) in seeds.enumerated() {
                _ = FileManager.default.createFile(atPath: arguments[1] + "/seed-\(index)", contents: Data(seed))
            }
            print("\(tool): \(seeds.count) seeds written to \(arguments[1])")
            arguments = []
        }
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(tool): cannot read \(path)\n".utf8))
                exit(1)
            }
            if let violation = replay(Array(data)) {
                FileHandle.standardError.write(Data("\(tool): \(path): \(violation)\n".utf8))
            }
        }
        if !arguments.isEmpty { print("\(tool): \(arguments.count) input(s) replayed without a crash") }
    }
}
