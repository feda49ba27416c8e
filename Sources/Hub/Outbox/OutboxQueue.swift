import Foundation
import HubCore
import HubPluginSupport

/// The outbox as one gateway instance sees it: its tenant's messages of its channels.
struct OutboxQueue: OutboundMessageQueue {
    let outbox: Outbox
    let keys: [Outbox.QueueKey]
    let tenant: TenantID
    /// The instance id, recorded as the message's gateway.
    let gateway: String
    let clock: HubClock

    init(outbox: Outbox, tenant: TenantID, channels: Set<MessageChannel>, gateway: String, clock: HubClock) {
        self.outbox = outbox
        self.tenant = tenant
        keys = channels.sorted { $0.rawValue < $1.rawValue }.map { Outbox.QueueKey(tenant: tenant, channel: $0) }
        self.gateway = gateway
        self.clock = clock
    }

    func next() async -> OutboundMessage? {
        // One signal per call, so concurrent callers (a windowed gateway) never share a wake-up slot.
        let waiter = UUID()
        let signal = WakeSignal()
        while !Task.isCancelled {
            switch await outbox.claim(keys, gateway: gateway, waiter: waiter, signal: signal) {
            case let .message(message):
                await outbox.leave(keys, waiter: waiter)
                return message
            case let .wait(deadline):
                let clock = self.clock
                await withTaskGroup(of: Void.self) { group in
                    if let deadline { group.addTask { try? await clock.sleep(until: deadline) } }
                    group.addTask { await signal.wait() }
                    await group.next()
                    group.cancelAll()
                }
            }
        }
        await outbox.leave(keys, waiter: waiter)
        return nil
    }

    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {
        do { try await outbox.report(message, tenant: tenant, outcome: outcome, gateway: gateway) } catch {
            if case .storage = error { throw PluginError.unavailable(error.description) }
            throw error
        }
    }
}
