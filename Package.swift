// swift-tools-version: 6.0
// ReportKit: scheduled data reports (slips, quality reports, dataset pipelines) as a pure
// Swift library plus the thin `reportcli` executable. No package dependencies by design:
// only the toolchain's Foundation, FoundationNetworking, Dispatch and Swift Testing.
import PackageDescription

let package = Package(
    name: "ReportKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ReportKit", targets: ["ReportKit"]),
        .library(name: "SlipsCore", targets: ["SlipsCore"]),
        .library(name: "QualityCore", targets: ["QualityCore"]),
        .library(name: "PipelineCore", targets: ["PipelineCore"]),
        .library(name: "ReportAdapters", targets: ["ReportAdapters"]),
        .library(name: "SlipsAdapters", targets: ["SlipsAdapters"]),
        .executable(name: "reportcli", targets: ["reportcli"]),
    ],
    targets: [
        // Shared values, pure formats (JSON, YAML subset, dates) and the ports.
        .target(name: "ReportKit", dependencies: ["CByteMasks"]),
        // The CSV scanner's 64-byte masks of separators and quotes (header-only C of our own: SSE2).
        .target(name: "CByteMasks", path: "Sources/CByteMasks"),
        // Domain cores: pure logic plus the job that drives it through ports.
        .target(name: "SlipsCore", dependencies: ["ReportKit"]),
        .target(name: "QualityCore", dependencies: ["ReportKit", "CPrefetch"]),
        // A cache prefetch hint for QualityCore's value tables (header-only C of our own).
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(name: "PipelineCore", dependencies: ["ReportKit"]),
        // Live implementations of ReportKit's ports: files, HTTP, AWS (SigV4, S3, the DynamoDB
        // client), metrics, SQLite, PostgreSQL. Imports ReportKit and system libraries only.
        .target(name: "ReportAdapters", dependencies: ["ReportKit", "CSQLite", "COpenSSL"]),
        // The system libsqlite3 (not a package dependency): its header through a module map.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The system OpenSSL (libssl, libcrypto): TLS for the PostgreSQL source, through a module map.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),
        // Adapters of SlipsCore's ports: the buildables file and DynamoDB table, the notifiers.
        .target(name: "SlipsAdapters", dependencies: ["ReportKit", "SlipsCore", "ReportAdapters"]),
        // In-memory doubles of the ports, shared by the test targets.
        .target(name: "ReportKitTestSupport", dependencies: ["ReportKit"]),
        .executableTarget(
            name: "reportcli",
            dependencies: ["ReportKit", "SlipsCore", "QualityCore", "PipelineCore", "ReportAdapters", "SlipsAdapters"]
        ),

        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "ReportKitTestSupport"]),
        .testTarget(name: "SlipsCoreTests", dependencies: ["SlipsCore", "ReportKitTestSupport"]),
        .testTarget(name: "QualityCoreTests", dependencies: ["QualityCore", "ReportKit", "ReportKitTestSupport"]),
        .testTarget(name: "PipelineCoreTests", dependencies: ["PipelineCore", "ReportKit", "ReportKitTestSupport"]),
        .testTarget(name: "ReportAdaptersTests", dependencies: ["ReportAdapters", "ReportKitTestSupport"]),
        .testTarget(
            name: "SlipsAdaptersTests",
            dependencies: ["SlipsAdapters", "ReportAdapters", "SlipsCore", "ReportKitTestSupport"]
        ),
        .testTarget(name: "reportcliTests", dependencies: ["reportcli", "ReportKit", "ReportKitTestSupport"]),
    ]
)

// Every target opts into the same upcoming language features.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
