// swift-tools-version:6.2
import PackageDescription

/// One entry per folder in Sources/Plugins that holds a plugin kind.
/// Adding a plugin = one line here + one line in Sources/Hub/BuiltinPlugins.swift.
let plugins: [(name: String, dependencies: [Target.Dependency], exclude: [String])] = [
    ("Exec", [.product(name: "Subprocess", package: "swift-subprocess")], ["README.md"]),
    ("Mail", ["CCurl"], ["README.md"]),
    ("AccessControl", ["CSerialPort"], ["README.md"]),
    ("SMSHTTP", [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio")], ["README.md"]),
    ("SMPP", [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")], ["README.md"]),
    ("CalendarEWS", [], ["README.md"]),
    ("CalendarGraph", [], ["README.md"]),
    ("CalendarDomino", [], ["README.md"]),
    ("CalendarCalDAV", [], ["README.md"]),
]

var targets: [Target] = [
    .target(
        name: "HubCore",
        dependencies: [.product(name: "Logging", package: "swift-log")],
        path: "Sources/Core"
    ),
    .target(
        name: "CCurl",
        path: "Sources/Plugins/CCurl",
        linkerSettings: [.linkedLibrary("curl")]
    ),
    .systemLibrary(
        name: "CSerialPort",
        path: "Sources/Plugins/CSerialPort",
        pkgConfig: "libserialport",
        providers: [.apt(["libserialport-dev"])]
    ),
    .target(
        name: "HubPluginSupport",
        dependencies: ["HubCore", "CCurl", .product(name: "Logging", package: "swift-log")],
        path: "Sources/Plugins/Support"
    ),
    .target(
        name: "HubPluginTesting",
        dependencies: [
            "HubCore", "HubPluginSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Clocks", package: "swift-clocks"),
        ],
        path: "Sources/Plugins/Testing"
    ),
    .executableTarget(
        name: "Hub",
        dependencies: ["HubCore", "HubPluginSupport"] + plugins.map { .byName(name: "\($0.name)Plugin") } + [
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ],
        path: "Sources/Hub"
    ),
    .executableTarget(
        name: "HubBench",
        dependencies: [
            "SMSHTTPPlugin", "HubCore", "AccessControlPlugin", "SMPPPlugin", "HubPluginSupport", "HubPluginTesting", "CalendarCalDAVPlugin",
            "CalendarEWSPlugin", "CalendarGraphPlugin", "CalendarDominoPlugin",
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ],
        path: "Benchmarks/HubBench"
    ),
    .testTarget(
        name: "CoreTests",
        dependencies: ["HubCore", .product(name: "PropertyBased", package: "swift-property-based")],
        path: "Tests/CoreTests"
    ),
    .testTarget(
        name: "PluginsTests",
        dependencies: plugins.map { .byName(name: "\($0.name)Plugin") } + [
            "HubCore", "HubPluginSupport", "HubPluginTesting",
            .product(name: "Logging", package: "swift-log"),
        ],
        path: "Tests/PluginsTests",
        // Fixture servers and payloads the tests start and read from disk; not sources.
        exclude: ["Fixtures"]
    ),
    .testTarget(
        name: "HubTests",
        dependencies: [
            "Hub", "HubCore", "HubPluginSupport", "HubPluginTesting",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Clocks", package: "swift-clocks"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ],
        path: "Tests/HubTests"
    ),
]
targets += plugins.map { plugin in
    .target(
        name: "\(plugin.name)Plugin",
        dependencies: ["HubCore", "HubPluginSupport", .product(name: "Logging", package: "swift-log")] + plugin.dependencies,
        path: "Sources/Plugins/\(plugin.name)",
        exclude: plugin.exclude
    )
}

let package = Package(
    name: "hub",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "hub", targets: ["Hub"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks.git", from: "1.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: targets
)

// System library targets take no build settings.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
