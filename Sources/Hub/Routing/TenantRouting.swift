import Foundation
import HubCore

/// Routing state of one tenant: the engine, time control, queue statistics and recent decisions per call.
struct TenantRouting: Sendable {
    var engine: RoutingEngine
    var schedules: [String: Schedule]
    var statistics: [QueueID: QueueStatistics] = [:]
    /// Decisions of active and recently finished calls, for the call-control API.
    var decisions: [CallID: [TimedDecision]] = [:]
    /// Finished calls whose decisions are kept, oldest first (bounded).
    var finishedOrder: [CallID] = []

    static let keptFinishedCalls = 1_000

    /// One decision with its time.
    struct TimedDecision: Codable, Sendable, Equatable {
        var at: Date
        var decision: CallDecision
    }

    /// Records what the engine decided for calls; forgets old finished calls.
    mutating func remember(_ effects: [RoutingEffect], at now: Date) {
        for effect in effects {
            if let (call, decision) = CallDecision.of(effect) {
                decisions[call, default: []].append(TimedDecision(at: now, decision: decision))
            }
            if case let .finished(record) = effect {
                finishedOrder.append(record.call)
                if finishedOrder.count > Self.keptFinishedCalls {
                    decisions[finishedOrder.removeFirst()] = nil
                }
            }
            if case let .queueEvent(queue, event) = effect {
                statistics[queue, default: QueueStatistics()].record(QueueStatistics.Event(event), at: now)
            }
        }
    }

    /// The seed of a tenant's random queue and hunt-group orders: the same on every start (FNV-1a of the id;
    /// `hashValue` differs per process), so a replay decides as the original run did.
    static func seed(for tenant: TenantID) -> UInt64 {
        tenant.rawValue.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// Schedules closed at `now`, and the next time any of them changes.
    func scheduleState(at now: Date) -> (closed: Set<String>, next: Date?) {
        var closed = Set<String>()
        var next: Date?
        for (name, schedule) in schedules {
            if !schedule.state(at: now).isOpen { closed.insert(name) }
            if let change = schedule.nextChange(after: now) { next = min(next ?? change, change) }
        }
        return (closed, next)
    }
}
