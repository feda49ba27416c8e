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
                statistics[queue, default: QueueStatistics()].record(Self.statisticsEvent(event), at: now)
            }
        }
    }

    /// The statistics view of an engine queue event.
    static func statisticsEvent(_ event: QueueEvent) -> QueueStatistics.Event {
        switch event {
        case .joined: .joined
        case let .answered(waited, _): .answered(wait: waited)
        case let .abandoned(waited): .abandoned(wait: waited)
        case let .diverted(reason, waited): .diverted(diversionKind(reason), wait: waited)
        case let .completed(talked, _): .handled(handleTime: talked)
        }
    }

    static func diversionKind(_ reason: DivertReason) -> QueueStatistics.DiversionKind {
        switch reason {
        case .rush: .rush
        case .timeout: .timeout
        case .noAgents: .noAgents
        case .night: .nightMode
        default: .noAnswer
        }
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
