import Foundation
import HubCore
import HubPluginSupport
import Logging
import Synchronization

/// Thread-safe counters and log throttles of one gateway instance.
final class SMSGatewayCounters: Sendable {
    private struct State {
        var statistics = SMSGatewayStatistics()
        var callbackProblems = LogThrottle(interval: 10)
        var sendProblems = LogThrottle(interval: 10)
    }

    private let state = Mutex(State())

    var snapshot: SMSGatewayStatistics { state.withLock { $0.statistics } }

    /// Counts an outcome.
    func count(_ outcome: DeliveryOutcome) {
        state.withLock {
            switch outcome {
            case .sent: $0.statistics.sent += 1
            case .retry: $0.statistics.retried += 1
            case .failed: $0.statistics.failed += 1
            }
        }
    }

    /// Applies `change` to the statistics.
    func update(_ change: (inout SMSGatewayStatistics) -> Void) {
        state.withLock { change(&$0.statistics) }
    }

    /// Counts a refused callback and logs it unless a report came within the last 10 s.
    func callbackProblem(_ problem: CallbackProblem, path: String, at now: Date, logger: Logger) {
        let suppressed: Int? = state.withLock {
            $0.statistics.badCallbacks += 1
            return $0.callbackProblems.record(at: now)
        }
        if let suppressed {
            logger.warning("refused callback on \(path): \(problem)", metadata: ["suppressed": "\(suppressed)"])
        }
    }

    /// Logs a failed or retried send unless one was logged within the last 10 s.
    func sendProblem(_ outcome: DeliveryOutcome, message: MessageID, at now: Date, logger: Logger) {
        let reason: String
        switch outcome {
        case .sent: return
        case let .retry(text, _), let .failed(text): reason = text
        }
        if let suppressed = state.withLock({ $0.sendProblems.record(at: now) }) {
            logger.warning("message \(message): \(reason)", metadata: ["suppressed": "\(suppressed)"])
        }
    }
}
