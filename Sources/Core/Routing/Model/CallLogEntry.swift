import Foundation

/// One line in a user's call log (LOG-1).
public struct CallLogEntry: Sendable, Equatable, Codable {
    /// Whose log.
    public var user: UserID
    /// The call.
    public var call: CallID
    /// Dialled, missed or answered.
    public var kind: Kind
    /// The other party's number.
    public var party: String
    /// When the call was offered or dialled.
    public var at: Date
    /// Whether the call came through a queue or hunt group.
    public var via: Via

    /// Kinds of log entries.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case dialled, missed, answered
    }

    /// The path a call took to the user.
    public enum Via: Sendable, Equatable, Codable {
        case direct
        case queue(QueueID)
        case huntGroup(HuntGroupID)
    }

    /// Creates an entry.
    public init(user: UserID, call: CallID, kind: Kind, party: String, at: Date, via: Via) {
        self.user = user
        self.call = call
        self.kind = kind
        self.party = party
        self.at = at
        self.via = via
    }
}

/// The record of a finished call.
public struct CallRecord: Sendable, Equatable, Codable {
    /// The call.
    public var call: CallID
    /// Caller number.
    public var from: String
    /// Dialled number.
    public var to: String
    /// What the number led to.
    public var target: CallTarget
    /// When it was offered.
    public var offeredAt: Date
    /// When it was answered, if it was.
    public var answeredAt: Date?
    /// When it ended.
    public var endedAt: Date
    /// Who answered.
    public var answeredBy: UserID?
    /// How it ended.
    public var outcome: CallOutcome

    /// Creates a record.
    public init(call: CallID, from: String, to: String, target: CallTarget, offeredAt: Date, answeredAt: Date?, endedAt: Date, answeredBy: UserID?, outcome: CallOutcome) {
        self.call = call
        self.from = from
        self.to = to
        self.target = target
        self.offeredAt = offeredAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.answeredBy = answeredBy
        self.outcome = outcome
    }
}

/// What a dialled number leads to.
public enum CallTarget: Sendable, Equatable, Codable {
    case user(UserID)
    case queue(QueueID)
    case huntGroup(HuntGroupID)
    case external(String)
    case emergency(String)
}

/// How a call ended: every offered call ends in exactly one of these.
public enum CallOutcome: Sendable, Equatable, Codable {
    case answered
    case diverted(DivertReason, to: String)
    case voicemail(UserID)
    case abandoned
    case rejected(String)
    case dialledOut
}
