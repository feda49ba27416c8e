import Foundation
import HubCore
import Synchronization

/// An outbox queue for plugin tests: hands out the given messages, records the reported outcomes.
final class MailOutbox: OutboundMessageQueue {
    private let state: Mutex<(pending: [OutboundMessage], outcomes: [(MessageID, DeliveryOutcome)])>

    init(_ messages: [OutboundMessage]) { state = Mutex((messages, [])) }

    func next() async -> OutboundMessage? {
        while !Task.isCancelled {
            if let message = state.withLock({ $0.pending.isEmpty ? nil : $0.pending.removeFirst() }) { return message }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {
        state.withLock { $0.outcomes.append((message, outcome)) }
    }

    /// The outcomes so far, in report order.
    var outcomes: [(MessageID, DeliveryOutcome)] { state.withLock { $0.outcomes } }
}
