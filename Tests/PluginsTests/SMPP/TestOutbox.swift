import Foundation
import HubCore
import HubPluginTesting
import Synchronization

/// An in-test ``OutboundMessageQueue``: hands out queued messages and records reported outcomes.
final class TestOutbox: OutboundMessageQueue {
    private struct State {
        var queue: [OutboundMessage] = []
        var reports: [(MessageID, DeliveryOutcome)] = []
    }

    private let state = Mutex(State())

    init(_ messages: [OutboundMessage] = []) { state.withLock { $0.queue = messages } }

    /// Queues more messages.
    func enqueue(_ messages: [OutboundMessage]) { state.withLock { $0.queue += messages } }

    func next() async -> OutboundMessage? {
        while !Task.isCancelled {
            let message: OutboundMessage? = state.withLock { $0.queue.isEmpty ? nil : $0.queue.removeFirst() }
            if let message { return message }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return nil
    }

    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {
        state.withLock { $0.reports.append((message, outcome)) }
    }

    /// Outcomes by message, in report order.
    var reports: [(MessageID, DeliveryOutcome)] { state.withLock { $0.reports } }

    /// The outcome reported for `id` (the last one).
    func outcome(_ id: String) -> DeliveryOutcome? { reports.last { $0.0 == MessageID(id) }?.1 }

    /// Waits until `count` outcomes are in.
    @discardableResult
    func waitForReports(_ count: Int, timeout: Duration = .seconds(20)) async throws -> [(MessageID, DeliveryOutcome)] {
        try await waitUntil(timeout: timeout, "\(count) reports (have \(reports.count))") { reports.count >= count }
        return reports
    }
}

extension OutboundMessage {
    /// An SMS for tests.
    static func sms(_ id: String, to: String = "+358401234567", from: String = "Hub", _ text: String, report: Bool = true) -> OutboundMessage {
        OutboundMessage(id: MessageID(id), tenant: "acme", content: .sms(SMSContent(to: to, from: from, text: text, wantsDeliveryReport: report)))
    }
}
