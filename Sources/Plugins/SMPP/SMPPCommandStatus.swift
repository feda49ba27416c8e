/// An SMPP 3.4 `command_status` (section 5.1.3).
public struct SMPPCommandStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The status as on the wire.
    public let rawValue: UInt32
    /// Wraps a wire status.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// ESME_ROK: no error.
    public static let ok = SMPPCommandStatus(rawValue: 0x00)
    /// ESME_RINVMSGLEN: message length is invalid.
    public static let invalidMessageLength = SMPPCommandStatus(rawValue: 0x01)
    /// ESME_RINVCMDLEN: command length is invalid.
    public static let invalidCommandLength = SMPPCommandStatus(rawValue: 0x02)
    /// ESME_RINVCMDID: invalid command id.
    public static let invalidCommandID = SMPPCommandStatus(rawValue: 0x03)
    /// ESME_RINVBNDSTS: incorrect bind status for the command.
    public static let invalidBindStatus = SMPPCommandStatus(rawValue: 0x04)
    /// ESME_RSYSERR: system error.
    public static let systemError = SMPPCommandStatus(rawValue: 0x08)
    /// ESME_RINVDSTADR: invalid destination address.
    public static let invalidDestinationAddress = SMPPCommandStatus(rawValue: 0x0B)
    /// ESME_RBINDFAIL: bind failed.
    public static let bindFailed = SMPPCommandStatus(rawValue: 0x0D)
    /// ESME_RINVPASWD: invalid password.
    public static let invalidPassword = SMPPCommandStatus(rawValue: 0x0E)
    /// ESME_RINVSYSID: invalid system id.
    public static let invalidSystemID = SMPPCommandStatus(rawValue: 0x0F)
    /// ESME_RMSGQFUL: message queue full.
    public static let messageQueueFull = SMPPCommandStatus(rawValue: 0x14)
    /// ESME_RTHROTTLED: throttling error, the ESME exceeded its allowed message limits.
    public static let throttled = SMPPCommandStatus(rawValue: 0x58)
    /// ESME_RX_T_APPN: the ESME cannot take the message now (temporary).
    public static let temporaryAppError = SMPPCommandStatus(rawValue: 0x64)
    /// ESME_RX_P_APPN: the ESME refuses the message (permanent).
    public static let permanentAppError = SMPPCommandStatus(rawValue: 0x65)
    /// ESME_RINVOPTPARSTREAM: error in the optional part of the PDU body.
    public static let invalidOptionalParameters = SMPPCommandStatus(rawValue: 0xC0)
    /// ESME_RINVPARLEN: invalid parameter length.
    public static let invalidParameterLength = SMPPCommandStatus(rawValue: 0xC2)

    static let names: [UInt32: String] = [
        0x00: "ESME_ROK", 0x01: "ESME_RINVMSGLEN", 0x02: "ESME_RINVCMDLEN", 0x03: "ESME_RINVCMDID",
        0x04: "ESME_RINVBNDSTS", 0x05: "ESME_RALYBND", 0x06: "ESME_RINVPRTFLG", 0x07: "ESME_RINVREGDLVFLG",
        0x08: "ESME_RSYSERR", 0x0A: "ESME_RINVSRCADR", 0x0B: "ESME_RINVDSTADR", 0x0C: "ESME_RINVMSGID",
        0x0D: "ESME_RBINDFAIL", 0x0E: "ESME_RINVPASWD", 0x0F: "ESME_RINVSYSID", 0x11: "ESME_RCANCELFAIL",
        0x13: "ESME_RREPLACEFAIL", 0x14: "ESME_RMSGQFUL", 0x15: "ESME_RINVSERTYP", 0x33: "ESME_RINVNUMDESTS",
        0x34: "ESME_RINVDLNAME", 0x40: "ESME_RINVDESTFLAG", 0x42: "ESME_RINVSUBREP", 0x43: "ESME_RINVESMCLASS",
        0x44: "ESME_RCNTSUBDL", 0x45: "ESME_RSUBMITFAIL", 0x48: "ESME_RINVSRCTON", 0x49: "ESME_RINVSRCNPI",
        0x50: "ESME_RINVDSTTON", 0x51: "ESME_RINVDSTNPI", 0x53: "ESME_RINVSYSTYP", 0x54: "ESME_RINVREPFLAG",
        0x55: "ESME_RINVNUMMSGS", 0x58: "ESME_RTHROTTLED", 0x61: "ESME_RINVSCHED", 0x62: "ESME_RINVEXPIRY",
        0x63: "ESME_RINVDFTMSGID", 0x64: "ESME_RX_T_APPN", 0x65: "ESME_RX_P_APPN", 0x66: "ESME_RX_R_APPN",
        0x67: "ESME_RQUERYFAIL", 0xC0: "ESME_RINVOPTPARSTREAM", 0xC1: "ESME_ROPTPARNOTALLWD",
        0xC2: "ESME_RINVPARLEN", 0xC3: "ESME_RMISSINGOPTPARAM", 0xC4: "ESME_RINVOPTPARAMVAL",
        0xFE: "ESME_RDELIVERYFAILURE", 0xFF: "ESME_RUNKNOWNERR",
    ]

    /// `ESME_RTHROTTLED (0x00000058)`, or the hex value for codes the standard does not name.
    public var description: String {
        let hex = "0x" + SMPPHex.word(rawValue)
        return Self.names[rawValue].map { "\($0) (\(hex))" } ?? "status \(hex)"
    }
}

/// What a sender does about a refused submit_sm.
public enum SMPPErrorClass: Sendable, Equatable {
    /// The SMSC asks the sender to slow down (ESME_RTHROTTLED, ESME_RMSGQFUL): pause, then resend.
    case slowDown
    /// A temporary fault on the SMSC side: the outbox retries later.
    case temporary
    /// The message itself is wrong (address, length, coding): never retried.
    case permanent
}

extension SMPPCommandStatus {
    /// Statuses that say the message is wrong, so resending it cannot help (SMPP 3.4 table 5-2).
    private static let permanentCodes: Set<UInt32> = [
        0x01, 0x02, 0x03, 0x06, 0x07, 0x0A, 0x0B, 0x0C, 0x15, 0x33, 0x34, 0x40, 0x42, 0x43, 0x44, 0x48,
        0x49, 0x50, 0x51, 0x54, 0x55, 0x61, 0x62, 0x63, 0x65, 0x66, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4,
    ]

    /// How a submit_sm refused with this status is handled; unknown and vendor codes count as temporary,
    /// so a message is never lost to a code we do not know.
    public var errorClass: SMPPErrorClass {
        if self == .throttled || self == .messageQueueFull { return .slowDown }
        return Self.permanentCodes.contains(rawValue) ? .permanent : .temporary
    }

    /// Whether a bind refused with this status means the credentials are wrong.
    public var isCredentialError: Bool {
        self == .invalidPassword || self == .invalidSystemID || self == .bindFailed
    }
}
