import Foundation

extension QueueStatistics {
    /// The sliding windows and thresholds of a queue's statistics.
    public struct Configuration: Sendable, Equatable, Codable {
        /// 15 minutes, 1 hour and 4 hours.
        public static let defaultWindows: [TimeInterval] = [900, 3_600, 14_400]

        /// Window lengths in seconds; events are kept as long as the longest.
        public var windows: [TimeInterval]
        /// A call answered (or abandoned, for SL2) within this many seconds counts towards the service level.
        public var serviceLevelThreshold: TimeInterval
        /// An abandon after less than this many seconds is reported as short, outside the abandon count.
        public var shortAbandonThreshold: TimeInterval

        /// Creates a configuration; defaults: 15 min / 1 h / 4 h windows, 20 s service level, 5 s short abandon.
        public init(
            windows: [TimeInterval] = Configuration.defaultWindows, serviceLevelThreshold: TimeInterval = 20,
            shortAbandonThreshold: TimeInterval = 5
        ) {
            self.windows = windows
            self.serviceLevelThreshold = serviceLevelThreshold
            self.shortAbandonThreshold = shortAbandonThreshold
        }

        /// Throws every rule the configuration breaks, with the field's path.
        public func validate() throws(ValidationError) {
            var issues = ValidationCollector()
            if windows.isEmpty || windows.count > 10 { issues.add("$.windows", "must list 1-10 windows") }
            for (index, window) in windows.enumerated() where !(window.isFinite && window >= 60 && window <= 7 * 86_400) {
                issues.add("$.windows[\(index)]", "must be 60 seconds to 7 days, not \(window)")
            }
            if !(serviceLevelThreshold.isFinite && serviceLevelThreshold >= 0 && serviceLevelThreshold <= 3_600) {
                issues.add("$.serviceLevelThreshold", "must be 0 to 3600 seconds")
            }
            if !(shortAbandonThreshold.isFinite && shortAbandonThreshold >= 0 && shortAbandonThreshold <= 300) {
                issues.add("$.shortAbandonThreshold", "must be 0 to 300 seconds")
            }
            try issues.finish()
        }
    }
}
