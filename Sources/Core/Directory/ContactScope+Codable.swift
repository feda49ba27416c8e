extension ContactScope {
    private enum CodingKeys: String, CodingKey { case kind, owner, groups }

    /// Decodes `{"kind":"personal","owner":"…"}`, `{"kind":"tenant"}` or `{"kind":"groups","groups":[…]}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "personal": self = .personal(owner: try c.decode(UserID.self, forKey: .owner))
        case "tenant": self = .tenant
        case "groups": self = .groups(try c.decode([GroupID].self, forKey: .groups))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown scope '\(other)'; expected personal, tenant or groups")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .personal(owner):
            try c.encode("personal", forKey: .kind)
            try c.encode(owner, forKey: .owner)
        case .tenant:
            try c.encode("tenant", forKey: .kind)
        case let .groups(groups):
            try c.encode("groups", forKey: .kind)
            try c.encode(groups, forKey: .groups)
        }
    }
}
