import Foundation

extension QueueStatistics {
    /// What a supervisor sees for one window (ACD-10). Outcomes are counted when they happen, so a call that
    /// joined before the window and was answered inside it counts as answered but not as offered.
    public struct Figures: Sendable, Equatable, Codable {
        /// The window in seconds actually covered.
        public var window: TimeInterval
        /// Callers who joined in the window.
        public var offered = 0
        /// Calls answered in the window.
        public var answered = 0
        /// Abandons in the window, short ones excluded.
        public var abandoned = 0
        /// Abandons sooner than the short-abandon threshold, reported apart.
        public var shortAbandoned = 0
        /// Calls diverted by any overflow rule in the window.
        public var diverted = 0
        /// Diverted calls by overflow kind (kinds with none are absent).
        public var divertedByKind: [DiversionKind: Int] = [:]
        /// Answered within the service-level threshold.
        public var answeredWithinThreshold = 0
        /// Abandoned (not short) within the service-level threshold.
        public var abandonedWithinThreshold = 0
        /// Mean wait of the answered calls (speed of answer), nil if none.
        public var averageWait: TimeInterval?
        /// Longest wait of any caller who left the queue (answered, abandoned or diverted), nil if none.
        public var maxWait: TimeInterval?
        /// Wait of the most recently answered call, nil if none in the window.
        public var lastAnsweredWait: TimeInterval?
        /// Answered within threshold / answered, nil if nothing was answered.
        public var serviceLevel: Double?
        /// (Answered + abandoned within threshold) / (answered + abandoned), short abandons excluded; nil if none.
        public var serviceLevel2: Double?
        /// Mean talk-plus-wrap-up time of calls that ended in the window, nil if none.
        public var averageHandleTime: TimeInterval?
        /// Callers waiting now (not windowed).
        public var waitingNow = 0

        /// Empty figures for a window.
        public init(window: TimeInterval) { self.window = window }
    }

    /// Sums one window's entries in a single pass.
    struct FiguresAccumulator {
        let configuration: Configuration
        private var figures = Figures(window: 0)
        private var waitSum = 0.0
        private var handleSum = 0.0
        private var handleCount = 0

        init(configuration: Configuration) { self.configuration = configuration }

        mutating func add(_ entry: Entry) {
            switch entry {
            case .joined: figures.offered += 1
            case let .answered(wait):
                figures.answered += 1
                waitSum += wait
                figures.lastAnsweredWait = wait
                if wait <= configuration.serviceLevelThreshold { figures.answeredWithinThreshold += 1 }
                noteLeft(wait)
            case let .abandoned(wait):
                figures.abandoned += 1
                if wait <= configuration.serviceLevelThreshold { figures.abandonedWithinThreshold += 1 }
                noteLeft(wait)
            case let .shortAbandoned(wait):
                figures.shortAbandoned += 1
                noteLeft(wait)
            case let .diverted(kind, wait):
                figures.diverted += 1
                figures.divertedByKind[kind, default: 0] += 1
                noteLeft(wait)
            case let .handled(seconds):
                handleSum += seconds
                handleCount += 1
            }
        }

        func figures(window: TimeInterval, waitingNow: Int) -> Figures {
            var result = figures
            result.window = window
            result.waitingNow = waitingNow
            if result.answered > 0 {
                result.averageWait = waitSum / Double(result.answered)
                result.serviceLevel = Double(result.answeredWithinThreshold) / Double(result.answered)
            }
            let settled = result.answered + result.abandoned
            if settled > 0 {
                result.serviceLevel2 = Double(result.answeredWithinThreshold + result.abandonedWithinThreshold) / Double(settled)
            }
            if handleCount > 0 { result.averageHandleTime = handleSum / Double(handleCount) }
            return result
        }

        private mutating func noteLeft(_ wait: Double) {
            figures.maxWait = max(figures.maxWait ?? wait, wait)
        }
    }
}
