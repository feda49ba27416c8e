import Synchronization

/// Whether the current connection got as far as a successful bind (resets the reconnect backoff).
final class SMPPBindFlag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }
    func reset() { value.withLock { $0 = false } }
    var isSet: Bool { value.withLock { $0 } }
}
