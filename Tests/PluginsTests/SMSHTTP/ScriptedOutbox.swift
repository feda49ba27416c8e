import HubCore
import HubPluginTesting
import Synchronization
import Testing

/// An ``OutboundMessageQueue`` the test fills: ``next()`` hands out enqueued messages in order (waiting
/// when empty) and ``report(_:outcome:)`` records what the plugin said.
final class ScriptedOutbox: OutboundMessageQueue {
    private struct State {
        var pending: [OutboundMessage] = []
        var waiters: [CheckedContinuation<OutboundMessage?, Never>] = []
        var outcomes: [(MessageID, DeliveryOutcome)] = []
    }

    private let state = Mutex(State())

    func enqueue(_ message: OutboundMessage) {
        let waiter = state.withLock { state -> CheckedContinuation<OutboundMessage?, Never>? in
            if state.waiters.isEmpty {
                state.pending.append(message)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: message)
    }

    func next() async -> OutboundMessage? {
        if Task.isCancelled { return nil }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> OutboundMessage?? in
                if !state.pending.isEmpty { return .some(state.pending.removeFirst()) }
                state.waiters.append(continuation)
                return .none
            }
            if case let .some(message) = ready { continuation.resume(returning: message) }
        }
    }

    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {
        state.withLock { $0.outcomes.append((message, outcome)) }
    }

    /// Ends every waiting `next()` with nil (the plugin is stopping).
    func close() {
        let waiters = state.withLock { state in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }

    var outcomes: [MessageID: DeliveryOutcome] {
        state.withLock { Dictionary($0.outcomes, uniquingKeysWith: { _, last in last }) }
    }

    func outcome(_ id: MessageID, timeout: Duration = .seconds(20)) async throws -> DeliveryOutcome {
        try await waitUntil(timeout: timeout, "an outcome for \(id)") { self.outcomes[id] != nil }
        return try #require(outcomes[id])
    }
}

extension OutboundMessage {
    /// An SMS for tests.
    static func sms(_ text: String, to: String = "+358401234567", from: String = "Hub", id: String? = nil) -> OutboundMessage {
        OutboundMessage(id: id.map(MessageID.init) ?? .random(), tenant: "acme", content: .sms(SMSContent(to: to, from: from, text: text)))
    }
}
