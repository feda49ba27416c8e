import Foundation
import HubCore
import Logging
import Synchronization

/// Answers the SMSC's deliver_sm: receipts become `.deliveryReport`, texts `.incomingSMS` (parts joined).
///
/// The assembler outlives connections, so parts that straddle a reconnect still join.
final class SMPPInboundHandler: Sendable {
    private let assembler: Mutex<SMPPInboundAssembler>
    private let counters: SMPPCounters
    private let problems: SMPPProblemLog

    init(partTimeout: Duration, counters: SMPPCounters, problems: SMPPProblemLog) {
        assembler = Mutex(SMPPInboundAssembler(partTimeout: partTimeout.timeInterval))
        self.counters = counters
        self.problems = problems
    }

    /// Handles one deliver_sm and returns the deliver_sm_resp status: OK once the hub has it (or it was a
    /// part or a non-final receipt), ESME_RX_T_APPN when the hub refused it for now (the SMSC resends),
    /// ESME_RX_P_APPN when it is unreadable.
    func handle(_ message: SMPPShortMessage, context: PluginContext) async -> SMPPCommandStatus {
        let now = context.clock.now()
        let result: Result<SMPPInbound, SMPPInboundError> = assembler.withLock { assembler in
            let expired = assembler.expire(at: now)
            if expired > 0 {
                problems.warning("parts", "dropped \(expired) incomplete concatenated SMS", logger: context.logger, at: now)
            }
            do throws(SMPPInboundError) { return .success(try assembler.accept(message, at: now)) } catch { return .failure(error) }
        }
        let output: PluginOutput
        switch result {
        case let .failure(error):
            counters.add { $0.badPDUs += 1 }
            problems.warning("deliver_sm", "refused deliver_sm from \(message.source): \(error)", logger: context.logger, at: now)
            return .permanentAppError
        case .success(.partial):
            return .ok
        case let .success(.intermediateReceipt(reference, stat)):
            context.logger.debug("receipt \(reference) is not final (\(stat))")
            return .ok
        case let .success(.receipt(report)):
            output = .deliveryReport(report)
        case let .success(.sms(sms)):
            output = .incomingSMS(sms)
        }
        do {
            let answer = try await context.sink.submit(output)
            if case let .rejected(reason) = answer {
                problems.warning("rejected", "hub rejected \(output): \(reason)", logger: context.logger, at: now)
            }
        } catch {
            problems.warning("sink", "hub did not take \(output): \(error); the SMSC will resend", logger: context.logger, at: now)
            return .temporaryAppError
        }
        counters.add { stats in
            if case .deliveryReport = output { stats.receipts += 1 } else { stats.incoming += 1 }
        }
        return .ok
    }
}
