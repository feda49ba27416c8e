import HubCore
import Synchronization

/// Fans hub events out to subscribers of the same tenant (stream clients and observing plugins).
///
/// Each subscriber has a bounded buffer; a subscriber too slow to keep up loses its oldest events
/// (counted in `dropped`), never slows the engine or other subscribers.
final class EventBus: Sendable {
    private struct Subscriber {
        var tenant: TenantID?
        /// False for the hub's own feeds (routing), which are not stream clients.
        var counted: Bool
        var continuation: AsyncStream<HubEvent>.Continuation
    }

    private let subscribers = Mutex<[Int: Subscriber]>([:])
    private let nextID = Atomic<Int>(0)
    private let droppedCount = Atomic<Int>(0)
    private let bufferSize: Int

    init(bufferSize: Int = 4_096) { self.bufferSize = bufferSize }

    /// Subscribes to one tenant's events (or every tenant's with nil); the stream ends on cancellation.
    /// An `internalFeed` (the hub's own routing) is never dropped from and not counted as a subscriber.
    func subscribe(tenant: TenantID?, internalFeed: Bool = false) -> AsyncStream<HubEvent> {
        let (stream, continuation) = AsyncStream<HubEvent>.makeStream(
            bufferingPolicy: internalFeed ? .unbounded : .bufferingNewest(bufferSize))
        let id = nextID.add(1, ordering: .relaxed).newValue
        subscribers.withLock { $0[id] = Subscriber(tenant: tenant, counted: !internalFeed, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Delivers `event` to every subscriber of its tenant.
    func publish(_ event: HubEvent) {
        let targets = subscribers.withLock { all in
            all.values.filter { $0.tenant == nil || $0.tenant == event.tenant }.map(\.continuation)
        }
        for continuation in targets {
            if case .dropped = continuation.yield(event) { droppedCount.add(1, ordering: .relaxed) }
        }
    }

    /// Ends every subscription (graceful shutdown), so stream clients and observers finish.
    func finishAll() {
        let all = subscribers.withLock { all in
            defer { all.removeAll() }
            return all.values.map(\.continuation)
        }
        for continuation in all { continuation.finish() }
    }

    /// Current number of subscribers.
    var subscriberCount: Int { subscribers.withLock { $0.values.filter(\.counted).count } }

    /// Events dropped because a subscriber fell behind.
    var dropped: Int { droppedCount.load(ordering: .relaxed) }
}
