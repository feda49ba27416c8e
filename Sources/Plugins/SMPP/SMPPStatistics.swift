import Synchronization

/// Counters of one `sms_smpp` instance since it was created.
public struct SMPPStatistics: Sendable, Equatable {
    /// Messages the SMSC accepted (every part).
    public var messagesSent = 0
    /// Messages reported as permanently failed.
    public var messagesFailed = 0
    /// Messages handed back to the outbox for a later retry.
    public var messagesRetried = 0
    /// submit_sm PDUs written.
    public var partsSubmitted = 0
    /// ESME_RTHROTTLED / ESME_RMSGQFUL answers.
    public var throttled = 0
    /// Final delivery receipts reported.
    public var receipts = 0
    /// Incoming SMS reported (after reassembly).
    public var incoming = 0
    /// PDUs or deliver_sm bodies from the SMSC that could not be understood.
    public var badPDUs = 0
    /// Successful binds.
    public var binds = 0
    /// Connections lost or refused.
    public var connectionFailures = 0
    /// Most requests outstanding at once on any connection.
    public var maxOutstanding = 0
}

/// Thread-safe ``SMPPStatistics``.
final class SMPPCounters: Sendable {
    private let state = Mutex(SMPPStatistics())

    func add(_ change: (inout SMPPStatistics) -> Void) { state.withLock { change(&$0) } }

    var snapshot: SMPPStatistics { state.withLock { $0 } }
}
