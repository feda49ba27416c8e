import HubCore
import Synchronization

/// A ``PluginStateStore`` in memory; ``values`` shows what the plugin stored.
public final class InMemoryStateStore: PluginStateStore {
    private let storage: Mutex<[String: String]>

    /// Creates a store holding `values`.
    public init(_ values: [String: String] = [:]) {
        storage = Mutex(values)
    }

    /// Everything stored.
    public var values: [String: String] { storage.withLock { $0 } }

    /// The stored value for `key`.
    public func value(for key: String) async throws -> String? {
        storage.withLock { $0[key] }
    }

    /// Stores (or with nil removes) a value.
    public func set(_ value: String?, for key: String) async throws {
        storage.withLock { $0[key] = value }
    }
}
