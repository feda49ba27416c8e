import Foundation
import HubCore
import Logging
import Synchronization

/// An outbox the benchmark fills up front: ``next()`` hands out messages, ``report(_:outcome:)`` stamps
/// when each outcome came (monotonic nanoseconds); ``sendTimes`` is hand-out to report per message.
final class SMSHTTPBenchOutbox: OutboundMessageQueue {
    private struct State {
        var pending: [OutboundMessage] = []
        var outcomes: [MessageID: (DeliveryOutcome, UInt64)] = [:]
        var handedOut: [MessageID: UInt64] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    init(_ messages: [OutboundMessage]) {
        state.withLock { $0.pending = messages.reversed() }
    }

    func next() async -> OutboundMessage? {
        while !Task.isCancelled {
            let now = Monotonic.now()
            let (message, closed) = state.withLock { state in
                let message = state.pending.popLast()
                if let message { state.handedOut[message.id] = now }
                return (message, state.closed)
            }
            if let message { return message }
            if closed { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {
        let now = Monotonic.now()
        state.withLock { $0.outcomes[message] = (outcome, now) }
    }

    func close() { state.withLock { $0.closed = true } }

    var outcomes: [MessageID: (DeliveryOutcome, UInt64)] { state.withLock { $0.outcomes } }

    var sendTimes: [UInt64] {
        state.withLock { state in state.outcomes.compactMap { id, value in state.handedOut[id].map { value.1 - $0 } } }
    }
}

/// Counts what the plugin submits (delivery reports, incoming SMS).
final class SMSHTTPBenchSink: PluginEventSink {
    private let count = Mutex(0)
    var submitted: Int { count.withLock { $0 } }
    func submit(_ output: PluginOutput) async throws -> PluginOutputResult {
        count.withLock { $0 += 1 }
        return .applied
    }
}

/// An empty directory and an in-memory state store: the gateways use neither.
struct SMSHTTPBenchDirectory: DirectoryLookup, PluginStateStore {
    func user(_ id: UserID) async -> User? { nil }
    func user(badge: String) async -> User? { nil }
    func user(calendar address: String) async -> User? { nil }
    func usersWithCalendars() async -> [User] { [] }
    func value(for key: String) async throws -> String? { nil }
    func set(_ value: String?, for key: String) async throws {}
}

extension PluginContext {
    /// A context for a gateway under benchmark (no logging, system clock).
    static func smsBench(outbox: SMSHTTPBenchOutbox, sink: SMSHTTPBenchSink) -> PluginContext {
        PluginContext(
            instanceID: "bench", tenant: "acme", logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }, clock: .system,
            sink: sink, directory: SMSHTTPBenchDirectory(), state: SMSHTTPBenchDirectory(),
            subscribe: { AsyncStream { $0.finish() } }, outbox: outbox)
    }
}
