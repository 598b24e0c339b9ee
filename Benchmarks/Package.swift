// swift-tools-version: 6.0
// ReportKit's benchmarks: a nested package so the root package stays free of anything
// that only measuring needs. Run `Benchmarks/run` from the repository root.
import PackageDescription

let package = Package(
    name: "ReportKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ReportKit", path: "..")],
    targets: [
        .executableTarget(
            name: "reportkit-bench",
            dependencies: [
                .product(name: "ReportKit", package: "ReportKit"), .product(name: "ReportAdapters", package: "ReportKit"),
                .product(name: "QualityCore", package: "ReportKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        )
    ]
)
