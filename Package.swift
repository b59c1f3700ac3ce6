// swift-tools-version: 6.1
//
// Castor: one package, one executable (`castor`), layered as DESIGN.md §3 says:
//   CastorCore ← codecs ← engines ← I/O ← storage ← services ← executable.
// The direction is enforced here by target dependencies: a target can only depend on the layers below it,
// and `scripts/check-layers.sh` (run in CI) refuses an `import` of a module a layer must not see
// (NIOPosix outside I/O targets, GRDB outside CastorStore, Hummingbird outside services).
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "castor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "castor", targets: ["castor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Layer 0: vocabulary shared by everything (MAC addresses, ids, clocks). No dependencies.
        .target(name: "CastorCore", swiftSettings: strict),
        // The few system calls Swift cannot call directly (variadic prctl).
        .target(name: "CCastorShims"),

        // Codecs: pure value types, bytes in and typed values or typed errors out.
        .target(name: "CastorJSON", swiftSettings: strict),
        .target(name: "DHCPCodec", dependencies: ["CastorCore"], swiftSettings: strict),
        .target(name: "KeaExpression", dependencies: ["DHCPCodec"], swiftSettings: strict),
        .target(
            name: "KeaConfig", dependencies: ["CastorCore", "CastorJSON", "DHCPCodec", "KeaExpression"],
            swiftSettings: strict),

        // Engines: pure state machines and domain rules. Time and randomness are inputs.
        .target(name: "CastorModel", dependencies: ["CastorCore"], swiftSettings: strict),
        .target(name: "Supervision", dependencies: ["CastorCore"], swiftSettings: strict),
        .target(name: "DHCPLeases", dependencies: ["CastorCore", "DHCPCodec"], swiftSettings: strict),
        .target(
            name: "DHCPLeaseEngine", dependencies: ["DHCPCodec", "DHCPLeases", "KeaConfig", "KeaExpression"],
            swiftSettings: strict),

        .target(
            name: "KeaCommands", dependencies: ["CastorJSON", "DHCPCodec", "DHCPLeases", "KeaConfig"],
            swiftSettings: strict),

        // TFTP (RFC 1350/2347/2348/2349/7440): packets and the read-transfer state machine, no sockets.
        .target(name: "TFTPProtocol", dependencies: ["CastorCore"], swiftSettings: strict),

        // Provisioning: which device asks (MAC, model, vendor plugin) and what its files say, rendered from
        // templates/ with Mustache. Pure: the store's entities and template texts in, bytes out.
        .target(
            name: "Provisioning",
            dependencies: ["CastorCore", "CastorModel", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict),

        // SIP (RFC 3261 §7, §20, §25): messages, headers, URIs, a serializer that round-trips, and the stream
        // framer for TCP/TLS. Pure.
        .target(name: "SIPCodec", dependencies: ["CastorCore"], swiftSettings: strict),
        // SIP transactions (RFC 3261 §17, RFC 6026): the four state machines with every timer; time is an input.
        .target(name: "SIPTransaction", dependencies: ["CastorCore"], swiftSettings: strict),
        // SIP digest authentication (RFC 7616, RFC 3261 §22): challenges, credentials, nonces and replay. Pure.
        .target(
            name: "SIPAuth",
            dependencies: [
                "CastorCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // SDP (RFC 8866) and the offer/answer model (RFC 3264) as its own state machine. Pure.
        .target(name: "SDP", dependencies: ["CastorCore"], swiftSettings: strict),
        // Media (RFC 3550, G.711, RFC 4733): RTP/RTCP headers, µ-law/A-law transcoding, stream statistics
        // (loss, jitter), latching. Pure: the relay's per-packet decisions, without sockets.
        .target(name: "MediaCore", dependencies: ["CastorCore"], swiftSettings: strict),
        // The PBX's engine: the transaction table, the registrar, the dial plan, the B2BUA. Pure.
        .target(
            name: "PBXCore",
            dependencies: ["CastorCore", "CastorModel", "SIPCodec", "SIPTransaction", "SIPAuth", "SDP"],
            swiftSettings: strict),

        // Fuzz targets (notes/fuzzing.md): the bodies, shared by the libFuzzer executables and the tests.
        .target(
            name: "CastorFuzzing",
            dependencies: ["CastorCore", "DHCPCodec", "DHCPLeaseEngine", "KeaConfig", "SIPCodec"],
            swiftSettings: strict),
        .executableTarget(name: "fuzz-dhcp", dependencies: ["CastorFuzzing"], swiftSettings: strict),
        .executableTarget(name: "fuzz-sip", dependencies: ["CastorFuzzing"], swiftSettings: strict),

        // Storage of leases: Kea's memfile CSV journal, byte-compatible with kea-dhcp4 and kea-lfc.
        .target(name: "DHCPLeaseFile", dependencies: ["DHCPLeases"], swiftSettings: strict),

        // Settings (castor.yaml): a codec of its own, with file:line:col errors; and what an empty
        // `tls_certificate` means to every TLS listener (SelfSignedCertificate, made with openssl).
        .target(
            name: "CastorSettings",
            dependencies: ["CastorCore", "CCastorShims", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),

        // I/O: the only layer that touches sockets (SwiftNIO).
        .target(
            name: "CastorControl",
            dependencies: [
                "CastorCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strict),

        .target(
            name: "DHCPTransport",
            dependencies: [
                "CastorCore", "DHCPCodec", "CCastorShims",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict),

        // TFTP over SwiftNIO: the well-known port, one socket per transfer (its TID), timers, files under a root.
        .target(
            name: "TFTPTransport",
            dependencies: [
                "CastorCore", "TFTPProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict),

        // SIP over SwiftNIO: UDP (rport, RFC 3581), TCP and TLS (NIOSSL), bounded queues.
        .target(
            name: "SIPTransport",
            dependencies: [
                "CastorCore", "SIPCodec", "CCastorShims",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: strict),

        // The RTP relay: port pairs from a range, batched socket I/O on its own threads, MediaCore per packet.
        .target(
            name: "MediaRelay",
            dependencies: ["CastorCore", "MediaCore", "CCastorShims"],
            swiftSettings: strict),

        // Storage: the only layer that imports GRDB.
        .target(
            name: "CastorStore",
            dependencies: [
                "CastorModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),

        // Services.
        .target(
            name: "CastorAdminAPI",
            dependencies: [
                "CastorModel", "CastorStore", "CastorSettings", "CastorControl", "CastorJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strict),
        .target(
            name: "DHCPService",
            dependencies: [
                "DHCPTransport", "DHCPLeaseEngine", "DHCPLeaseFile", "KeaConfig", "KeaCommands", "CastorControl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // castor provd: the provisioning server (TFTP, HTTP and optionally HTTPS) over the store, the templates
        // and the firmware.
        .target(
            name: "ProvisioningService",
            dependencies: [
                "Provisioning", "CastorStore", "CastorModel", "CastorSettings", "TFTPProtocol", "TFTPTransport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // castor pbx: the SIP registrar (later the B2BUA) over the transports, the store and the console socket.
        .target(
            name: "PBXService",
            dependencies: [
                "PBXCore", "SIPTransport", "SIPCodec", "SIPAuth", "SDP", "MediaRelay", "CastorStore", "CastorModel",
                "CastorSettings", "CastorControl",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict),
        .target(
            name: "CastorSupervisor",
            dependencies: [
                "Supervision", "CastorControl", "CCastorShims",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),

        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "castor",
            dependencies: [
                "CastorCore", "CastorModel", "CastorSettings", "CastorStore", "CastorControl",
                "CastorAdminAPI", "CastorSupervisor", "KeaConfig", "DHCPService", "DHCPLeaseFile", "DHCPLeases",
                "ProvisioningService", "PBXService", "PBXCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),

        // What the tests share to drive real programs (subprocesses, kea-dhcp4, control sockets, namespaces).
        .target(
            name: "CastorTestSupport", dependencies: ["CCastorShims"], path: "Tests/CastorTestSupport",
            swiftSettings: strict),

        // Tests, bottom up (STYLE.md habit 6).
        .testTarget(name: "CastorCoreTests", dependencies: ["CastorCore"], swiftSettings: strict),
        .testTarget(name: "CastorModelTests", dependencies: ["CastorModel"], swiftSettings: strict),
        .testTarget(name: "SupervisionTests", dependencies: ["Supervision"], swiftSettings: strict),
        .testTarget(name: "CastorJSONTests", dependencies: ["CastorJSON"], swiftSettings: strict),
        .testTarget(name: "DHCPCodecTests", dependencies: ["DHCPCodec"], swiftSettings: strict),
        .testTarget(name: "KeaConfigTests", dependencies: ["KeaConfig"], swiftSettings: strict),
        .testTarget(name: "DHCPLeasesTests", dependencies: ["DHCPLeases"], swiftSettings: strict),
        .testTarget(name: "KeaExpressionTests", dependencies: ["KeaExpression"], swiftSettings: strict),
        .testTarget(name: "DHCPLeaseEngineTests", dependencies: ["DHCPLeaseEngine"], swiftSettings: strict),
        .testTarget(
            name: "ProvisioningTests", dependencies: ["Provisioning", "CastorTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "CastorFuzzingTests", dependencies: ["CastorFuzzing", "DHCPCodec", "SIPCodec"], swiftSettings: strict),
        .testTarget(name: "TFTPProtocolTests", dependencies: ["TFTPProtocol"], swiftSettings: strict),
        .testTarget(name: "KeaCommandsTests", dependencies: ["KeaCommands"], swiftSettings: strict),
        .testTarget(name: "SIPCodecTests", dependencies: ["SIPCodec"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "SIPTransactionTests", dependencies: ["SIPTransaction"], swiftSettings: strict),
        .testTarget(name: "SIPAuthTests", dependencies: ["SIPAuth"], swiftSettings: strict),
        .testTarget(name: "SDPTests", dependencies: ["SDP"], swiftSettings: strict),
        .testTarget(name: "MediaCoreTests", dependencies: ["MediaCore"], swiftSettings: strict),
        .testTarget(name: "PBXCoreTests", dependencies: ["PBXCore", "SIPCodec", "SDP"], swiftSettings: strict),
        .testTarget(
            name: "MediaRelayTests", dependencies: ["MediaRelay", "MediaCore", "CastorTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "SIPTransportTests", dependencies: ["SIPTransport", "SIPCodec", "CastorTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "PBXServiceTests",
            dependencies: [
                "PBXService", "PBXCore", "CastorStore", "CastorModel", "CastorSettings", "CastorTestSupport",
                "CastorFuzzing",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "DHCPServiceTests",
            dependencies: ["DHCPService", "DHCPTransport", "CastorControl", "CastorTestSupport", "CastorFuzzing"],
            swiftSettings: strict),
        .testTarget(
            name: "DHCPLeaseFileTests", dependencies: ["DHCPLeaseFile", "CastorTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TFTPTransportTests", dependencies: ["TFTPTransport", "TFTPProtocol", "CastorTestSupport"],
            swiftSettings: strict),
        .testTarget(name: "CastorSettingsTests", dependencies: ["CastorSettings"], swiftSettings: strict),
        .testTarget(name: "CastorStoreTests", dependencies: ["CastorStore"], swiftSettings: strict),
        .testTarget(
            name: "CastorAdminAPITests",
            dependencies: [
                "CastorAdminAPI", "CastorStore", "CastorTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ProvisioningServiceTests",
            dependencies: ["ProvisioningService", "CastorStore", "CastorModel", "CastorSettings", "CastorTestSupport"],
            swiftSettings: strict),
        // Real processes and sockets: runs the built `castor` binary, curl, kill -9.
        .testTarget(
            name: "CastorIntegrationTests",
            dependencies: ["CastorControl", "CastorSupervisor", "CastorTestSupport"],
            swiftSettings: strict),
    ]
)
