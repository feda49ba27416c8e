import Foundation

extension QueueStatistics.Event {
    /// The statistics event of one of the routing engine's queue events.
    public init(_ event: QueueEvent) {
        switch event {
        case .joined: self = .joined
        case let .answered(waited, _): self = .answered(wait: waited)
        case let .abandoned(waited): self = .abandoned(wait: waited)
        case let .diverted(reason, waited): self = .diverted(QueueStatistics.DiversionKind(reason), wait: waited)
        case let .completed(talked, _): self = .handled(handleTime: talked)
        }
    }
}

extension QueueStatistics.DiversionKind {
    /// The overflow kind a queue diversion counts as (a transfer or forward out of a queue counts as no answer).
    public init(_ reason: DivertReason) {
        switch reason {
        case .rush: self = .rush
        case .timeout: self = .timeout
        case .noAgents: self = .noAgents
        case .night: self = .nightMode
        default: self = .noAnswer
        }
    }
}

extension QueueStatistics {
    /// The events a finished queue call produced while it was live, with their times: joined when offered;
    /// then answered (and handled when it ended), diverted, or — for anything else — abandoned, exactly as
    /// the engine reports them. Empty for calls that were not for a queue.
    public static func events(of record: CallRecord) -> [(at: Date, event: Event)] {
        guard case .queue = record.target else { return [] }
        var events: [(at: Date, event: Event)] = [(record.offeredAt, .joined)]
        if let answeredAt = record.answeredAt {
            events.append((answeredAt, .answered(wait: answeredAt.timeIntervalSince(record.offeredAt))))
            events.append((record.endedAt, .handled(handleTime: record.endedAt.timeIntervalSince(answeredAt))))
        } else if case let .diverted(reason, _) = record.outcome {
            events.append((record.endedAt, .diverted(DiversionKind(reason), wait: record.endedAt.timeIntervalSince(record.offeredAt))))
        } else {
            events.append((record.endedAt, .abandoned(wait: record.endedAt.timeIntervalSince(record.offeredAt))))
        }
        return events
    }

    /// Per-queue statistics rebuilt from finished calls in any order, so the sliding windows survive a restart
    /// (calls still in progress at the restart are not in them).
    public static func rebuild(from records: [CallRecord]) -> [QueueID: QueueStatistics] {
        var events: [QueueID: [(at: Date, event: Event)]] = [:]
        for record in records {
            guard case let .queue(queue) = record.target else { continue }
            events[queue, default: []].append(contentsOf: Self.events(of: record))
        }
        return events.mapValues { list in
            // Sorted, since the windows take events in time order; stable, so a call's own events keep theirs.
            var statistics = QueueStatistics()
            for (time, event) in list.sorted(by: { $0.at < $1.at }) { statistics.record(event, at: time) }
            return statistics
        }
    }
}
