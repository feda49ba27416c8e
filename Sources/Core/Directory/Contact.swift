/// A contact: a directory user or an external party, in a personal list or the tenant's external directory (DIR-7).
public struct Contact: Codable, Sendable, Hashable, Identifiable {
    /// Stable identifier of the contact within the tenant.
    public var id: ContactID
    /// Whose list the contact is in: one user's personal list, or the tenant's or some groups' external directory.
    public var scope: ContactScope
    /// Set when the contact points at a directory user; the other fields then come from the directory.
    public var user: UserID?
    /// Name shown in the directory and on calls (a person or an organisation).
    public var name: String
    /// The contact's company or organisation, if known.
    public var company: String?
    /// The contact's phone numbers, each with a label such as "work" or "mobile".
    public var numbers: [LabelledNumber]
    /// The contact's e-mail address, if any.
    public var email: String?
    /// Free-text note about the contact, if any.
    public var note: String?

    /// Creates a contact in `scope`, optionally linked to a directory user.
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
    /// What the number is ("work", "mobile", "switchboard"), shown next to it.
    public var label: String
    /// The number itself, in E.164.
    public var number: PhoneNumber

    /// Pairs a phone number with its label.
    public init(label: String, number: PhoneNumber) {
        self.label = label
        self.number = number
    }
}
