import Foundation
import HubCore
import Synchronization

/// The hub's presence handling for sync tests: applies plugin outputs (and changes made by hand) to a real
/// ``PresenceEngine``, answering as the hub does, so a test sees what a lift really does to presence.
final class CalendarSyncPresenceHub: Sendable {
    private let engine = Mutex(PresenceEngine())

    /// The user's presence now.
    func presence(of user: UserID, at now: Date) -> Presence {
        engine.withLock { $0.presence(of: user, at: now) }
    }

    /// A change the user makes by hand (or any other source), outside the plugin.
    func change(_ user: UserID, _ update: PresenceUpdate, at now: Date) throws {
        _ = try engine.withLock { engine throws(ValidationError) in try engine.handle(.update(user, update), at: now) }
    }

    /// What the hub answers a plugin's output with.
    func submit(_ output: PluginOutput, at now: Date) -> PluginOutputResult {
        let input: PresenceInput
        switch output {
        case let .presence(user, update): input = .update(user, update)
        case let .liftPresence(user, source): input = .lift(user, source: source)
        case .deliveryReport, .incomingSMS: return .rejected("not a presence output")
        }
        do {
            let effects = try engine.withLock { engine throws(ValidationError) in try engine.handle(input, at: now) }
            for case let .ignored(_, reason) in effects { return .ignored(reason) }
            return .applied
        } catch {
            return .rejected(error.description)
        }
    }
}
