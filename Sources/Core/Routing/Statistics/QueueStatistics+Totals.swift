extension QueueStatistics {
    /// Counters since the statistics were created; offered calls are always accounted for.
    public struct Totals: Sendable, Equatable, Codable {
        /// Callers who joined.
        public internal(set) var offered = 0
        /// Answered by an agent.
        public internal(set) var answered = 0
        /// Hung up after at least the short-abandon threshold.
        public internal(set) var abandoned = 0
        /// Hung up sooner than the short-abandon threshold.
        public internal(set) var shortAbandoned = 0
        /// Left by an overflow rule.
        public internal(set) var diverted = 0
        /// Joined and not yet answered, abandoned or diverted (negative only if outcomes came without a join).
        public internal(set) var waiting = 0
        /// Answered calls that ended.
        public internal(set) var handled = 0
        /// Events stamped earlier than the previous event (counted at the previous time).
        public internal(set) var outOfOrder = 0
        /// Negative or non-finite durations, counted as 0.
        public internal(set) var invalidDurations = 0

        /// Creates zero counters.
        public init() {}

        /// offered = answered + abandoned + short abandoned + diverted + waiting, and nobody waits a negative amount.
        public var countsAddUp: Bool {
            waiting >= 0 && offered == answered + abandoned + shortAbandoned + diverted + waiting
        }

        mutating func count(_ entry: Entry) {
            switch entry {
            case .joined:
                offered += 1
                waiting += 1
            case .answered:
                answered += 1
                waiting -= 1
            case .abandoned:
                abandoned += 1
                waiting -= 1
            case .shortAbandoned:
                shortAbandoned += 1
                waiting -= 1
            case .diverted:
                diverted += 1
                waiting -= 1
            case .handled: handled += 1
            }
        }
    }
}
