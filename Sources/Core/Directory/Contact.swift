/// A contact: a directory user or an external party, in a personal list or the tenant's external directory (DIR-7).
public struct Contact: Codable, Sendable, Hashable, Identifiable {
    public var id: ContactID
    public var scope: ContactScope
    /// Set when the contact points at a directory user; the other fields then come from the directory.
    public var user: UserID?
    public var name: String
    public var company: String?
    public var numbers: [LabelledNumber]
    public var email: String?
    public var note: String?

    public init(
        id: ContactID, scope: ContactScope, user: UserID? = nil, name: String, company: String? = nil,
        numbers: [LabelledNumber] = [], email: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.scope = scope
        self.user = user
        self.name = name
        self.company = company
        self.numbers = numbers
        self.email = email
        self.note = note
    }

    /// Whether `viewer`, a member of `groups`, may see this contact.
    public func isVisible(to viewer: UserID, groups: [GroupID]) -> Bool {
        switch scope {
        case let .personal(owner): owner == viewer
        case .tenant: true
        case let .groups(scoped): !Set(scoped).isDisjoint(with: groups)
        }
    }
}

/// Who a contact belongs to.
public enum ContactScope: Codable, Sendable, Hashable {
    /// One user's personal list.
    case personal(owner: UserID)
    /// The whole company's external directory (added by a main admin).
    case tenant
    /// The external directory of chosen groups only.
    case groups([GroupID])
}

/// A number with a label ("work", "mobile", "switchboard").
public struct LabelledNumber: Codable, Sendable, Hashable {
    public var label: String
    public var number: PhoneNumber

    public init(label: String, number: PhoneNumber) {
        self.label = label
        self.number = number
    }
}
