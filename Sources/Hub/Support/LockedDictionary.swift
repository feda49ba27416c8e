import Synchronization

/// A dictionary behind a mutex, for small caches shared across tasks.
final class LockedDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])

    subscript(key: Key) -> Value? {
        get { storage.withLock { $0[key] } }
        set { storage.withLock { $0[key] = newValue } }
    }

    /// Removes every entry whose value matches.
    func removeAll(where predicate: (Value) -> Bool) {
        storage.withLock { dictionary in
            for (key, value) in dictionary where predicate(value) { dictionary.removeValue(forKey: key) }
        }
    }
}
