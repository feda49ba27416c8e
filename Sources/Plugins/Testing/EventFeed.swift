import HubCore
import Synchronization

/// Hub events on demand: each ``subscribe()`` gets a stream, ``publish(_:)`` sends to all open ones.
///
/// Pass `feed.subscribe` as a context's `subscribe`; wait for ``subscriberCount`` before publishing
/// when the plugin subscribes from its own task.
public final class EventFeed: Sendable {
    private struct State {
        var next = 0
        var continuations: [Int: AsyncStream<HubEvent>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// Creates a feed with no subscribers.
    public init() {}

    /// A new stream of the events published from now on; it ends when its consumer stops.
    @Sendable public func subscribe() -> AsyncStream<HubEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: HubEvent.self)
        let id = state.withLock { state in
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `event` to every open stream.
    public func publish(_ event: HubEvent) {
        for continuation in state.withLock({ Array($0.continuations.values) }) { continuation.yield(event) }
    }

    /// Streams open now.
    public var subscriberCount: Int { state.withLock { $0.continuations.count } }

    /// Ends every open stream.
    public func finish() {
        for continuation in state.withLock({ Array($0.continuations.values) }) { continuation.finish() }
    }
}
