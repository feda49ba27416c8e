import Foundation
import HubCore
import HubPluginSupport
import Logging

/// The durable outbox: accepts messages (on disk before the caller hears "accepted"), hands them to the
/// gateway instances of their tenant and channel, records outcomes and receipts, retries with capped
/// backoff on the injected clock, and publishes every status change as `message.status`.
///
/// Delivery is at-least-once at the gateway boundary: a message a gateway took but had not reported when
/// the hub died (or the gateway stopped, or its lease ran out) is offered again. Gateways pass the outbox
/// id on (e-mail Message-ID, SMS reference) so a receiver can drop the rare duplicate.
actor Outbox {
    /// One gateway queue: a tenant's messages of one channel.
    struct QueueKey: Hashable, Sendable {
        var tenant: TenantID
        var channel: MessageChannel
    }

    /// What a gateway asking for work gets.
    enum ClaimResult: Sendable {
        case message(OutboundMessage)
        /// Nothing due; ask again at this time (or when woken), nil for "when woken".
        case wait(until: Date?)
    }

    private struct Claim {
        var key: QueueKey
        var gateway: String
        var leaseUntil: Date
    }

    nonisolated let repository: OutboxRepository
    nonisolated let settings: OutboxSettingsRepository
    let engine: EngineService
    let clock: HubClock
    let logger: Logger
    let policy: OutboxPolicy
    private var queues: [QueueKey: DueQueue] = [:]
    private var claims: [MessageID: Claim] = [:]
    private var waiters: [QueueKey: [UUID: WakeSignal]] = [:]
    private var random = SystemRandomNumberGenerator()

    init(database: HubDatabase, engine: EngineService, clock: HubClock, logger: Logger, policy: OutboxPolicy = OutboxPolicy()) {
        repository = OutboxRepository(database: database)
        settings = OutboxSettingsRepository(database: database)
        self.engine = engine
        self.clock = clock
        self.logger = logger
        self.policy = policy
    }

    /// Puts messages interrupted by a stop back in the queue and loads every queued message; returns how many.
    @discardableResult
    func load() throws -> Int {
        let interrupted = try repository.requeueInterrupted(
            at: clock.now(), reason: "the hub stopped while a gateway was sending it; sending again")
        if interrupted > 0 { logger.warning("outbox: messages interrupted by a stop are queued again", metadata: ["messages": "\(interrupted)"]) }
        let queued = try repository.queued()
        for entry in queued { queues[QueueKey(tenant: entry.tenant, channel: entry.channel), default: DueQueue()].push(entry.id, due: entry.due) }
        return queued.count
    }

    // MARK: accepting

    /// Stores a message and queues it; with an idempotency key used before, answers the earlier id instead.
    func accept(_ request: MessageRequest) async throws(OutboxError) -> (id: MessageID, replayed: Bool) {
        let now = clock.now()
        let record = MessageRecord(
            id: MessageID.random(), tenant: request.tenant, content: request.content, status: .queued, senderUser: request.senderUser,
            idempotencyKey: request.idempotencyKey, requestHash: request.requestHash, attempts: 0, nextAttemptAt: now, gateway: nil,
            reference: nil, parts: request.parts, reason: nil, createdAt: now, updatedAt: now, sentAt: nil)
        let result: OutboxInsertResult
        do { result = try repository.insert(record) } catch {
            logger.error("outbox: cannot store a message", metadata: ["error": "\(error)"])
            throw .storage("the message could not be saved: \(error)")
        }
        switch result {
        case let .existing(id, sameContent):
            guard sameContent else { throw .idempotencyKeyReused(id) }
            return (id, true)
        case .inserted:
            let key = QueueKey(tenant: record.tenant, channel: record.channel)
            queues[key, default: DueQueue()].push(record.id, due: now)
            wake(key)
            await publish(record)
            return (record.id, false)
        }
    }

    // MARK: gateways

    /// The next due message of `keys` for `gateway`, marked `sending`; or when to ask again.
    func claim(_ keys: [QueueKey], gateway: String, waiter: UUID, signal: WakeSignal) async -> ClaimResult {
        for key in keys { waiters[key, default: [:]][waiter] = signal }
        let now = clock.now()
        var changed: [MessageRecord] = []
        for (id, claim) in claims where keys.contains(claim.key) && claim.leaseUntil <= now {
            if let record = requeue(id, reason: "gateway '\(claim.gateway)' reported nothing within \(policy.lease); offered again") {
                changed.append(record)
            }
        }
        let found = takeDue(keys, gateway: gateway, now: now, changed: &changed)
        for record in changed { await publish(record) }
        if let found { return .message(found) }
        let deadlines = keys.compactMap { queues[$0]?.earliest }
            + claims.values.filter { keys.contains($0.key) }.map(\.leaseUntil)
        return .wait(until: deadlines.min())
    }

    private func takeDue(_ keys: [QueueKey], gateway: String, now: Date, changed: inout [MessageRecord]) -> OutboundMessage? {
        for key in keys {
            while let id = queues[key]?.popDue(at: now) {
                let taken: MessageRecord?
                do { taken = try repository.claim(id, gateway: gateway, at: now) } catch {
                    logger.error("outbox: cannot mark a message as sending", metadata: ["error": "\(error)"])
                    queues[key, default: DueQueue()].push(id, due: now.addingTimeInterval(5))
                    break
                }
                guard var record = taken else { continue }
                if now.timeIntervalSince(record.createdAt) > policy.maxAge.timeInterval {
                    record.status = .failed
                    record.reason = "expired: not sent within \(policy.maxAge) of being accepted"
                    record.updatedAt = now
                    record.nextAttemptAt = nil
                    try? repository.update(record, usage: UsageDelta(failed: 1), month: UsageMonth.of(now))
                    changed.append(record)
                    continue
                }
                claims[id] = Claim(key: key, gateway: gateway, leaseUntil: now.addingTimeInterval(policy.lease.timeInterval))
                changed.append(record)
                return OutboundMessage(id: record.id, tenant: record.tenant, content: record.content, attempt: record.attempts)
            }
        }
        return nil
    }

    /// Forgets a waiting gateway call.
    func leave(_ keys: [QueueKey], waiter: UUID) {
        for key in keys { waiters[key]?.removeValue(forKey: waiter) }
    }

    /// Records the outcome of an attempt; durable when it returns.
    func report(_ id: MessageID, tenant: TenantID, outcome: DeliveryOutcome, gateway: String) async throws(OutboxError) {
        let stored: MessageRecord?
        do { stored = try repository.record(tenant: tenant, id: id) } catch { throw .storage("cannot read message \(id): \(error)") }
        guard var record = stored else { throw .unknownMessage(id) }
        let claim = claims.removeValue(forKey: id)
        let now = clock.now()
        switch (record.status, outcome) {
        case (.sending, _), (.queued, .sent), (.queued, .failed):
            break
        default:
            // A late or repeated report (the lease ran out and another attempt was made, or it was given up).
            logger.info("outbox: report for a message no longer being sent ignored", metadata: [
                "message": "\(id)", "status": "\(record.status.rawValue)", "gateway": "\(gateway)",
            ])
            return
        }
        record.attempts += 1
        record.updatedAt = now
        record.gateway = gateway
        var usage = UsageDelta()
        switch outcome {
        case let .sent(reference, parts):
            record.status = .sent
            record.reference = reference
            record.reason = nil
            record.nextAttemptAt = nil
            record.sentAt = now
            // The gateway knows the encoding it used; the planned count stands when it reports none.
            if record.channel == .sms, parts > 0 { record.parts = parts }
            usage.sent = 1
            usage.parts = record.channel == .sms ? record.parts : 0
        case let .retry(reason, retryAfter):
            let age = now.timeIntervalSince(record.createdAt)
            if record.attempts >= policy.maxAttempts || age > policy.maxAge.timeInterval {
                record.status = .failed
                record.reason = "given up after \(record.attempts) attempts: \(reason)"
                record.nextAttemptAt = nil
                usage.failed = 1
            } else {
                var delay = policy.backoff.delay(attempt: record.attempts, using: &random)
                if let retryAfter, retryAfter > delay { delay = retryAfter }
                record.status = .queued
                record.reason = reason
                record.nextAttemptAt = now.addingTimeInterval(delay.timeInterval)
            }
        case let .failed(reason):
            record.status = .failed
            record.reason = reason
            record.nextAttemptAt = nil
            usage.failed = 1
        }
        do { try repository.update(record, usage: usage, month: UsageMonth.of(now)) } catch {
            if let claim { claims[id] = claim }
            throw .storage("cannot record the outcome of message \(id): \(error)")
        }
        if record.status == .queued, let due = record.nextAttemptAt {
            let key = QueueKey(tenant: record.tenant, channel: record.channel)
            queues[key, default: DueQueue()].push(record.id, due: due)
            wake(key)
        }
        await publish(record)
    }

    /// Applies a delivery receipt, matched by the gateway reference within the tenant.
    func deliveryReport(_ report: DeliveryReport, tenant: TenantID) async -> PluginOutputResult {
        let found: MessageRecord?
        do { found = try repository.record(tenant: tenant, reference: report.reference) } catch {
            return .rejected("cannot read the outbox: \(error)")
        }
        guard var record = found else {
            return .rejected("no message of tenant '\(tenant)' has gateway reference '\(report.reference)'")
        }
        guard !record.status.isFinal else { return .applied }
        let now = clock.now()
        var usage = UsageDelta()
        switch report.state {
        case .delivered:
            record.status = .delivered
            record.reason = report.detail
        case .failed, .expired:
            record.status = .failed
            record.reason = "delivery receipt: \(report.state.rawValue)" + (report.detail.map { " (\($0))" } ?? "")
            usage.failed = 1
        }
        record.updatedAt = now
        record.nextAttemptAt = nil
        do { try repository.update(record, usage: usage, month: UsageMonth.of(now)) } catch {
            return .rejected("cannot record the receipt: \(error)")
        }
        await publish(record)
        return .applied
    }

    /// Offers again every message `gateway` took and did not report (its instance stopped).
    func release(gateway: String) async {
        var changed: [MessageRecord] = []
        for (id, claim) in claims where claim.gateway == gateway {
            if let record = requeue(id, reason: "gateway '\(gateway)' stopped before reporting; offered again") { changed.append(record) }
        }
        for record in changed { await publish(record) }
    }

    // MARK: reading

    /// One message of the tenant.
    func message(tenant: TenantID, id: MessageID) throws(OutboxError) -> MessageRecord {
        let record: MessageRecord?
        do { record = try repository.record(tenant: tenant, id: id) } catch { throw .storage("\(error)") }
        guard let record else { throw .unknownMessage(id) }
        return record
    }

    /// Messages still queued or being sent, for tests and metrics.
    var openCount: Int { claims.count + queues.values.map(\.count).reduce(0, +) }

    // MARK: internals

    private func requeue(_ id: MessageID, reason: String) -> MessageRecord? {
        guard let claim = claims.removeValue(forKey: id),
              var record = try? repository.record(tenant: claim.key.tenant, id: id), record.status == .sending
        else { return nil }
        let now = clock.now()
        record.status = .queued
        record.reason = reason
        record.nextAttemptAt = now
        record.updatedAt = now
        do { try repository.update(record, usage: UsageDelta(), month: UsageMonth.of(now)) } catch {
            logger.error("outbox: cannot requeue a message", metadata: ["message": "\(id)", "error": "\(error)"])
            claims[id] = claim
            return nil
        }
        queues[claim.key, default: DueQueue()].push(id, due: now)
        wake(claim.key)
        return record
    }

    private func wake(_ key: QueueKey) {
        for signal in waiters[key]?.values ?? [:].values { signal.notify() }
    }

    private func publish(_ record: MessageRecord) async {
        await engine.publish(record.tenant, .messageStatus(record.statusChange))
    }
}
