import Foundation
import HubCore
import Logging

extension RoutingService {
    /// Applies a hub event the routing needs: presence changes and directory changes.
    func observe(_ event: HubEvent) async {
        defer { advance(to: event.sequence) }
        guard tenants[event.tenant] != nil else { return }
        let now = clock.now()
        switch event.payload {
        case let .presenceChanged(change):
            let after = change.after
            await apply(event.tenant, .presence(change.user, activity: after.activity, role: after.role, until: after.until), at: now)
        case let .userChanged(user):
            if let view = await engine.routingUser(tenant: event.tenant, id: user) { tenants[event.tenant]?.engine.upsertUser(view) }
        case let .userRemoved(user):
            if let effects = tenants[event.tenant]?.engine.removeUser(user, at: now) { await settle(event.tenant, effects, at: now) }
        case .catalogueChanged:
            guard let catalogue = try? await engine.catalogue(tenant: event.tenant),
                  let effects = tenants[event.tenant]?.engine.replaceCatalogue(catalogue, at: now) else { return }
            await settle(event.tenant, effects, at: now)
        default:
            break
        }
    }

    /// Applies an input that comes from the hub itself (presence, timers); failures are logged, not thrown.
    func apply(_ tenant: TenantID, _ input: RoutingInput, at now: Date) async {
        guard var routing = tenants[tenant] else { return }
        let effects = routing.engine.handle(input, at: now)
        tenants[tenant] = routing
        await settle(tenant, effects, at: now, input: input)
    }

    /// Persists, remembers and publishes effects produced outside an API request.
    func settle(_ tenant: TenantID, _ effects: [RoutingEffect], at now: Date, input: RoutingInput? = nil) async {
        do {
            try persist(tenant, effects, input: input)
        } catch {
            logger.error("routing effects not saved", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
        }
        tenants[tenant]?.remember(effects, at: now)
        await publish(tenant, effects)
    }

    /// Notes that the feed has applied events up to `sequence`, waking requests waiting for it.
    func advance(to sequence: UInt64) {
        appliedSequence = max(appliedSequence, sequence)
        let ready = sequenceWaiters.filter { $0.0 <= appliedSequence }
        sequenceWaiters.removeAll { $0.0 <= appliedSequence }
        for (_, waiter) in ready { waiter.resume() }
    }

    /// Waits until every event published before this call has reached the routing engines, so a call
    /// offered right after a presence change is routed by the new presence. Gives up after 0.5 s (an
    /// event dropped by a full buffer must not stall calls) and logs it.
    func catchUp() async {
        let target = await engine.publishedSequence
        guard appliedSequence < target else { return }
        let timeout = Task { [weak self] in
            try await Task.sleep(for: .milliseconds(500))
            await self?.giveUpWaiting(for: target)
        }
        await withCheckedContinuation { continuation in sequenceWaiters.append((target, continuation)) }
        timeout.cancel()
    }

    func giveUpWaiting(for target: UInt64) {
        guard appliedSequence < target else { return }
        logger.warning("routing feed behind the hub's events; routing with the presence it has", metadata: ["target": "\(target)", "applied": "\(appliedSequence)"])
        advance(to: target)
    }
}
