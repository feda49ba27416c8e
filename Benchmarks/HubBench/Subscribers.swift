import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// One event a subscriber received: the update it carried (the index in its note) and when it arrived.
struct Delivery: Sendable {
    var update: Int32
    var receivedAt: UInt64
}

/// A counter shared by the subscriber tasks.
final class SharedCounter: Sendable {
    private let value = Atomic<Int>(0)
    func increment() { value.add(1, ordering: .relaxed) }
    var current: Int { value.load(ordering: .relaxed) }
}

/// Where subscribers leave what they received when they finish.
final class DeliveryLog: Sendable {
    private let batches = Mutex<[[Delivery]]>([])
    func add(_ batch: [Delivery]) { batches.withLock { $0.append(batch) } }
    var all: [Delivery] { batches.withLock { $0.flatMap { $0 } } }
}

/// WebSocket subscribers of the tenant's event stream (HummingbirdWSClient), each recording the time it
/// received every presence event of the phase until it sees the phase's stop note.
struct Subscribers {
    var count: Int
    var url: String
    var tag: NoteTag
    var group: any EventLoopGroup
    /// Handshakes in flight at most, so the hub's accept backlog is never the bottleneck.
    var connectWindow = 32

    struct Outcome {
        var deliveries: [Delivery]
        /// Clients whose connection failed or ended with an error.
        var errors: Int
        /// Clients still open when the wait for the stop note ran out (then cancelled).
        var unfinished: Int
        /// From the first handshake until every client was connected and the hub counted them.
        var connectTime: UInt64
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "hubbench.ws")
        logger.logLevel = .critical
        return logger
    }

    /// Connects every subscriber, waits until `serverCount` reports them all, runs `body` (given a live
    /// count of the deliveries so far), and then waits (up to `drainTimeout`) for each subscriber to see
    /// the stop note that `body` must send last.
    func run<Value>(
        serverCount: () async throws -> Int, drainTimeout: Duration = .seconds(120),
        _ body: (_ delivered: SharedCounter) async throws -> Value
    ) async throws -> (Value, Outcome) {
        let delivered = SharedCounter()
        let connected = SharedCounter()
        let errors = SharedCounter()
        let done = SharedCounter()
        let log = DeliveryLog()
        let logger = Self.quietLogger
        let (url, tag, group) = (url, tag, group)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            let start = Monotonic.now()
            for started in 0..<count {
                while started - connected.current - errors.current >= connectWindow {
                    try await Task.sleep(for: .milliseconds(1))
                }
                tasks.addTask {
                    defer { done.increment() }
                    do {
                        try await WebSocketClient.connect(url: url, eventLoopGroup: group, logger: logger) { inbound, _, _ in
                            connected.increment()
                            var received: [Delivery] = []
                            defer { log.add(received) }
                            receiving: for try await message in inbound.messages(maxSize: 1 << 20) {
                                let now = Monotonic.now()
                                guard case let .text(text) = message else { continue }
                                switch tag.match(text) {
                                case let .update(index):
                                    received.append(Delivery(update: Int32(truncatingIfNeeded: index), receivedAt: now))
                                    delivered.increment()
                                case .stop: break receiving
                                case .other: continue
                                }
                            }
                        }
                    } catch {
                        errors.increment()
                    }
                }
            }
            try await waitUntil(deadline: .seconds(60)) { connected.current + errors.current >= count }
            if errors.current > 0 { throw BenchError("\(errors.current) of \(count) WebSocket subscribers failed to connect") }
            let expected = count
            var counted = 0
            let serverDeadline = ContinuousClock.now + .seconds(30)
            while counted < expected, ContinuousClock.now < serverDeadline {
                counted = try await serverCount()
                if counted < expected { try await Task.sleep(for: .milliseconds(20)) }
            }
            guard counted >= expected else { throw BenchError("the hub counts \(counted) stream subscribers, expected \(expected)") }
            let connectTime = Monotonic.since(start)
            let result = try await body(delivered)
            try await waitUntil(deadline: drainTimeout) { done.current >= count }
            let unfinished = count - done.current
            if unfinished > 0 { tasks.cancelAll() }
            try await tasks.waitForAll()
            return (result, Outcome(deliveries: log.all, errors: errors.current, unfinished: unfinished, connectTime: connectTime))
        }
    }
}

/// Polls `condition` every few milliseconds until it holds or `deadline` passes.
func waitUntil(deadline: Duration, _ condition: () -> Bool) async throws {
    let end = ContinuousClock.now + deadline
    while !condition(), ContinuousClock.now < end {
        try await Task.sleep(for: .milliseconds(5))
    }
}
