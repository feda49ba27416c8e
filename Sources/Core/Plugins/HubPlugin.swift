/// A plugin connects the hub to one external system (a badge reader, a calendar server, an SMS gateway …).
///
/// The runtime creates one value per instance file in `plugins.d/`, then calls ``run(context:)`` under
/// supervision. `init` validates settings and does no I/O; connecting belongs in `run`.
///
/// ```swift
/// struct EchoPlugin: HubPlugin {
///     struct Settings: PluginSettings { var greeting: String; typealias Keys = CodingKeys; enum CodingKeys: String, CodingKey, CaseIterable { case greeting } }
///     static let descriptor = PluginDescriptor(kind: "echo", summary: "Logs presence changes", roles: [.eventObserver], sampleConfig: "…")
///     init(settings: Settings, context: PluginContext) throws { … }
///     func run(context: PluginContext) async throws { for await event in context.subscribe() { … } }
/// }
/// ```
public protocol HubPlugin: Sendable {
    /// The `[settings]` table of the instance file.
    associatedtype Settings: PluginSettings
    /// Static metadata: kind id, summary, roles, sample config.
    static var descriptor: PluginDescriptor { get }
    /// Validates `settings`; throw ``PluginError/misconfigured(_:)`` for bad values. No I/O.
    init(settings: Settings, context: PluginContext) throws
    /// Long-running work; returns or throws `CancellationError` when cancelled. Throw
    /// ``PluginError/unavailable(_:)`` for failures worth retrying; the runtime backs off and restarts.
    func run(context: PluginContext) async throws
    /// What the kind sees on this machine, one line each, for `hub plugins check` (e.g. serial ports).
    static func environmentReport() -> [String]
}

extension HubPlugin {
    /// Nothing to report by default.
    public static func environmentReport() -> [String] { [] }
}

/// Settings of a plugin kind, decoded from the instance file's `[settings]` table.
public protocol PluginSettings: Decodable, Sendable {
    /// The keys the settings accept; any other key in the file is an error.
    associatedtype Keys: CodingKey & CaseIterable
}

extension PluginSettings {
    /// Every accepted key, for unknown-key checks and sample tests.
    public static var allKeys: [String] { Keys.allCases.map(\.stringValue) }
}

/// Settings of a kind that takes none.
public struct NoSettings: PluginSettings {
    /// No keys: any key in the `[settings]` table is an error.
    public enum Keys: String, CodingKey, CaseIterable { case none }
    public init(from decoder: any Decoder) throws {}
    /// Creates the empty settings.
    public init() {}
}

extension HubPlugin {
    /// The factory the runtime uses to build instances of this kind.
    public static var factory: PluginFactory {
        PluginFactory(descriptor: descriptor, settingsKeys: Settings.allKeys, environmentReport: { environmentReport() }) { source, context in
            let settings: Settings
            do { settings = try source.decode(Settings.self) } catch let error as PluginError {
                throw error
            } catch let error as DecodingError {
                throw PluginError.misconfigured(Self.describe(error))
            } catch {
                throw PluginError.misconfigured("\(error)")
            }
            return try Self(settings: settings, context: context)
        }
    }
}

/// Builds plugin instances of one kind from their settings.
public struct PluginFactory: Sendable {
    /// Metadata of the plugin kind this factory builds.
    public let descriptor: PluginDescriptor
    /// Keys the kind's `[settings]` accept.
    public let settingsKeys: [String]
    /// What the kind sees on this machine (``HubPlugin/environmentReport()``).
    public let environmentReport: @Sendable () -> [String]
    private let build: @Sendable (any PluginSettingsSource, PluginContext) throws -> any HubPlugin

    /// Creates a factory from a kind's descriptor, accepted settings keys, environment report and instance builder.
    public init(
        descriptor: PluginDescriptor, settingsKeys: [String], environmentReport: @escaping @Sendable () -> [String] = { [] },
        build: @escaping @Sendable (any PluginSettingsSource, PluginContext) throws -> any HubPlugin
    ) {
        self.descriptor = descriptor
        self.settingsKeys = settingsKeys
        self.environmentReport = environmentReport
        self.build = build
    }

    /// Decodes settings and creates an instance; errors are ``PluginError``s or decoding errors.
    public func make(settings: any PluginSettingsSource, context: PluginContext) throws -> any HubPlugin {
        try build(settings, context)
    }
}

/// Where a plugin's settings come from (a TOML table in production, a dictionary in tests).
public protocol PluginSettingsSource: Sendable {
    /// The keys present in the source.
    var keys: Set<String> { get }
    /// Decodes the settings.
    func decode<T: Decodable>(_ type: T.Type) throws -> T
}

extension HubPlugin {
    /// `settings.<key>: <reason>` for a settings decoding error, as the instance file names keys.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("settings") { result, key in key.intValue.map { "\(result)[\($0)]" } ?? "\(result).\(key.stringValue)" }
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context.codingPath + [key])): required"
        case let .typeMismatch(type, context): return "\(path(context.codingPath)): expected \(type)"
        case let .valueNotFound(type, context): return "\(path(context.codingPath)): expected \(type), got nothing"
        case let .dataCorrupted(context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
