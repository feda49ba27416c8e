/// A customer company on the hub (DIR-1).
public struct TenantID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw tenant id without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// An employee of a tenant.
public struct UserID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw user id without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// A group of users inside a tenant (departments, teams), used to scope external contacts.
public struct GroupID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw group id without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}

/// A contact entry (personal or external directory).
public struct ContactID: StringIdentifier {
    public let rawValue: String
    public let cachedHash: Int
    /// Wraps a raw contact id without checking it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        cachedHash = rawValue.hashValue
    }
}
