import Foundation
import HubCore
import Synchronization

/// The state of one plugin instance as the API shows it.
struct PluginInstanceStatus: Codable, Sendable, Equatable {
    /// Lifecycle states, after Home Assistant's config-entry states.
    enum State: String, Codable, Sendable {
        case starting, running, retrying, failed, stopped, disabled
    }

    var id: String
    var kind: String
    var tenant: TenantID
    var file: String
    var state: State
    /// Restarts since the instance was (re)configured.
    var restarts: Int
    /// The last failure, with its class (misconfigured, unavailable, authentication failed).
    var lastError: String?
    /// When the next start is due while retrying.
    var nextAttemptAt: Date?
    /// When the instance entered its current state.
    var since: Date
}

/// Per-instance state of every plugin, shared by the supervisor, the API and the metrics.
final class PluginStatusBoard: Sendable {
    private let entries = Mutex<[String: PluginInstanceStatus]>([:])

    /// Records an instance's status.
    func set(_ status: PluginInstanceStatus) { entries.withLock { $0[status.id] = status } }

    /// Updates an instance's status in place.
    func update(_ id: String, _ change: (inout PluginInstanceStatus) -> Void) {
        entries.withLock { entries in
            guard var status = entries[id] else { return }
            change(&status)
            entries[id] = status
        }
    }

    /// Forgets an instance whose file was removed.
    func remove(_ id: String) { _ = entries.withLock { $0.removeValue(forKey: id) } }

    /// Every instance, ordered by id.
    func snapshot() -> [PluginInstanceStatus] { entries.withLock { $0.values.sorted { $0.id < $1.id } } }

    /// One instance's status.
    func status(_ id: String) -> PluginInstanceStatus? { entries.withLock { $0[id] } }

    /// Instance counts by state, for `/metrics`.
    func countsByState() -> [PluginInstanceStatus.State: Int] {
        entries.withLock { entries in entries.values.reduce(into: [:]) { $0[$1.state, default: 0] += 1 } }
    }
}
