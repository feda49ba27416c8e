import Foundation
import HubCore
import HubPluginSupport
import Logging
import Synchronization

/// Warnings about one kind of problem at most once per interval, with the count of those held back.
final class SMPPProblemLog: Sendable {
    private let throttles = Mutex<[String: LogThrottle]>([:])
    private let interval: TimeInterval

    init(interval: TimeInterval = 10) { self.interval = interval }

    func warning(_ kind: String, _ message: @autoclosure () -> String, logger: Logger, at now: Date) {
        let suppressed: Int? = throttles.withLock { throttles in
            var throttle = throttles[kind] ?? LogThrottle(interval: interval)
            defer { throttles[kind] = throttle }
            return throttle.record(at: now)
        }
        guard let suppressed else { return }
        logger.warning("\(message())", metadata: suppressed > 0 ? ["suppressed": "\(suppressed)"] : nil)
    }
}
