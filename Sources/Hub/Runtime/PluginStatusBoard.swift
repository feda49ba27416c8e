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
    /// The instance's own account of what it is doing (e.g. its serial port is open or being reopened).
    var detail: String?
}

/// Writes a plugin instance's reports into its board entry, as long as the entry is of its generation.
struct BoardStatusReporter: PluginStatusReporter {
    let board: PluginStatusBoard
    let id: String
    let generation: UInt64

    func report(detail: String?) { board.update(id, generation: generation) { $0.detail = detail } }
}

/// Per-instance state of every plugin, shared by the supervisor, the API and the metrics.
///
/// Each ``set(_:)`` starts a new generation of the instance's entry; an ``update(_:generation:_:)`` from an
/// older generation (a replaced instance's task still winding down) is ignored, so it cannot overwrite
/// the state of the instance that replaced it.
final class PluginStatusBoard: Sendable {
    private struct Entry {
        var status: PluginInstanceStatus
        var generation: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var lastGeneration: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Records an instance's status as a new generation of its entry, and returns that generation.
    @discardableResult
    func set(_ status: PluginInstanceStatus) -> UInt64 {
        state.withLock { state in
            state.lastGeneration += 1
            state.entries[status.id] = Entry(status: status, generation: state.lastGeneration)
            return state.lastGeneration
        }
    }

    /// Updates an instance's status in place; with `generation`, only if the entry is still of that generation.
    func update(_ id: String, generation: UInt64? = nil, _ change: (inout PluginInstanceStatus) -> Void) {
        state.withLock { state in
            guard var entry = state.entries[id], generation == nil || entry.generation == generation else { return }
            change(&entry.status)
            state.entries[id] = entry
        }
    }

    /// Forgets an instance whose file was removed.
    func remove(_ id: String) { _ = state.withLock { $0.entries.removeValue(forKey: id) } }

    /// Every instance, ordered by id.
    func snapshot() -> [PluginInstanceStatus] { state.withLock { $0.entries.values.map(\.status).sorted { $0.id < $1.id } } }

    /// One instance's status.
    func status(_ id: String) -> PluginInstanceStatus? { state.withLock { $0.entries[id]?.status } }

    /// Instance counts by state, for `/metrics`.
    func countsByState() -> [PluginInstanceStatus.State: Int] {
        state.withLock { state in state.entries.values.reduce(into: [:]) { $0[$1.status.state, default: 0] += 1 } }
    }
}
