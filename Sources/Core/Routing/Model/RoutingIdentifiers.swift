/// Identifies one call through the hub (chosen by the front end or the call-control API).
public struct CallID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw string without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// Identifies an ACD queue within a tenant.
public struct QueueID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw string without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// Identifies a hunt group within a tenant.
public struct HuntGroupID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw string without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// Names a skill (competence) agents have and queues ask for.
public struct SkillID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw string without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// One ringing attempt of a call towards one terminal or number; numbered per call from 1.
public typealias LegID = Int
