import Foundation

/// The calendar presence rules (INT-CAL): normalised blocks + now + policy → the presence the calendar
/// wants and when that changes. Pure and deterministic; every adapter shares it.
///
/// - cancelled and declined entries, and entries with no positive duration, never count;
/// - an entry counts if the policy's opt-in accepts it (show-as mapping, or a keyword);
/// - where entries overlap the higher show-as class wins (out-of-office > busy > tentative > …),
///   ties going to the earlier start;
/// - consecutive or overlapping entries setting the same activity merge into one run; until = its end;
/// - a subject is published only if the policy says so and the entry's sensitivity is normal.
public enum CalendarPresenceRules {
    /// The decision for `blocks` at `now` under `policy`.
    public static func decide(_ blocks: [CalendarBlock], at now: Date, policy: CalendarPresencePolicy) -> CalendarDecision {
        let candidates = blocks.compactMap { Candidate($0, policy: policy) }
        guard !candidates.isEmpty else { return CalendarDecision(presence: nil, nextChange: nil) }
        let points = Set(candidates.flatMap { [$0.start, $0.end] } + [now]).sorted()
        // Segments between consecutive boundary points have one winner each.
        let segments = zip(points, points.dropFirst()).map { start, end in
            Segment(start: start, end: end, winner: winner(candidates, at: start))
        }
        // `now` is a boundary point, so the segment holding it starts at it (none if now is after every block).
        guard let index = segments.firstIndex(where: { $0.start == now }), let current = segments[index].winner else {
            let next = segments.first { $0.start > now && $0.winner != nil }?.start
            return CalendarDecision(presence: nil, nextChange: next)
        }
        var since = segments[index].start
        for segment in segments[..<index].reversed() {
            guard segment.end == since, segment.winner?.activity == current.activity else { break }
            since = segment.start
        }
        var until = segments[index].end
        var nextChange: Date?
        for segment in segments[(index + 1)...] {
            guard segment.start == until, let winner = segment.winner, winner.activity == current.activity else { break }
            if nextChange == nil, winner.note != current.note { nextChange = segment.start }
            until = segment.end
        }
        let presence = CalendarPresence(activity: current.activity, since: since, until: until, note: current.note)
        return CalendarDecision(presence: presence, nextChange: nextChange ?? until)
    }

    private static func winner(_ candidates: [Candidate], at instant: Date) -> Candidate? {
        candidates.filter { $0.start <= instant && instant < $0.end }.max { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.start != b.start { return a.start > b.start }
            if a.end != b.end { return a.end < b.end }
            return a.id > b.id
        }
    }

    private struct Segment {
        let start: Date
        let end: Date
        let winner: Candidate?
    }

    /// A block the policy accepts, with the activity and note it sets.
    private struct Candidate {
        let id: String
        let start: Date
        let end: Date
        let rank: Int
        let activity: ActivityID
        let note: String?

        init?(_ block: CalendarBlock, policy: CalendarPresencePolicy) {
            guard block.end > block.start, !block.isCancelled, block.response != .declined else { return nil }
            var subject = block.subject
            switch policy.optIn {
            case .showAs:
                guard let activity = policy.activities[block.showAs] else { return nil }
                self.activity = activity
            case .keyword:
                guard let keyword = policy.keywords.first(where: { $0.matches(block) }) else { return nil }
                // An explicitly tagged entry sets presence even when shown as free: the user asked for it.
                guard let activity = keyword.activity ?? policy.activities[block.showAs] ?? policy.activities[.busy] else {
                    return nil
                }
                self.activity = activity
                subject = keyword.strippedSubject(block.subject) ?? block.subject
            }
            id = block.id
            start = block.start
            end = block.end
            rank = Self.rank(block.showAs)
            note = policy.publishSubjects && block.sensitivity == .normal ? Self.note(subject) : nil
        }

        private static func rank(_ showAs: CalendarBlock.ShowAs) -> Int {
            switch showAs {
            case .outOfOffice: 5
            case .busy: 4
            case .tentative: 3
            case .workingElsewhere: 2
            case .free: 1
            case .unknown: 0
            }
        }

        private static func note(_ subject: String?) -> String? {
            guard let text = subject?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return String(text.prefix(PresenceUpdate.maximumNoteLength))
        }
    }
}
