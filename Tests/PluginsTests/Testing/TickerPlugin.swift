import Foundation
import HubCore
import HubPluginTesting

/// A fake plugin with selectable (mis)behaviour, to test the conformance kit itself.
struct TickerPlugin: HubPlugin {
    enum Mode: String, Decodable {
        case good, stubborn, leaky, early, unclassified, unavailable
    }

    struct Settings: PluginSettings {
        var mode: Mode
        var intervalMs: Int?
        typealias Keys = CodingKeys
        enum CodingKeys: String, CodingKey, CaseIterable {
            case mode
            case intervalMs = "interval_ms"
        }
    }

    struct Unclassified: Error {}

    static let descriptor = PluginDescriptor(
        kind: "ticker", summary: "Submits a presence update every few milliseconds", roles: [.presenceSource],
        sampleConfig: """
            ## A test ticker.
            plugin = "ticker"
            tenant = "acme"
            [settings]
              mode = "good"
              # interval_ms = 5
            """)

    let settings: Settings

    init(settings: Settings, context: PluginContext) throws {
        if let interval = settings.intervalMs, interval < 1 { throw PluginError.misconfigured("settings.interval_ms: must be at least 1") }
        self.settings = settings
    }

    func run(context: PluginContext) async throws {
        let interval = Duration.milliseconds(settings.intervalMs ?? 5)
        let update = PresenceUpdate(activity: "away", source: .apiClient)
        switch settings.mode {
        case .early: return
        case .unclassified: throw Unclassified()
        case .unavailable: throw PluginError.unavailable("peer down")
        case .good:
            while true {
                try await Task.sleep(for: interval)
                try Task.checkCancellation()
                _ = try await context.sink.submit(.presence("ben", update))
            }
        case .stubborn:
            while !Task.isCancelled { try? await Task.sleep(for: interval) }
            // Ignores cancellation for a second, in a task cancellation does not reach.
            await Task { try? await Task.sleep(for: .seconds(1)) }.value
        case .leaky:
            while !Task.isCancelled { try? await Task.sleep(for: interval) }
            // Goes on with "cleanup" for a while, then still submits.
            await Task { try? await Task.sleep(for: .milliseconds(300)) }.value
            _ = try? await context.sink.submit(.presence("ben", update))
        }
    }
}
