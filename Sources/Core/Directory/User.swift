/// An employee of a tenant, with the fields the company directory shows (DIR-4, DIR-5).
public struct User: Codable, Sendable, Hashable, Identifiable {
    /// The user's identifier within the tenant.
    public var id: UserID
    /// Given name, shown and searched in the directory.
    public var firstName: String
    /// Family name, shown and searched in the directory.
    public var lastName: String
    /// The user's base profile, which decides the features they may use (DIR-2).
    public var profile: BaseProfile
    /// Enterprise (office) number, e.g. a 010- range or company TTO number.
    public var enterpriseNumber: PhoneNumber?
    /// The user's mobile number in E.164, if any.
    public var mobileNumber: PhoneNumber?
    /// The user's fax number in E.164, if any.
    public var faxNumber: PhoneNumber?
    /// The user's e-mail address, if any.
    public var email: String?
    /// Company name shown in the directory, if any.
    public var company: String?
    /// Department shown in the directory, if any.
    public var department: String?
    /// Job title shown in the directory, if any.
    public var title: String?
    /// Search keywords the admin adds ("invoices", "reception").
    public var keywords: [String]
    /// Free extra information shown in the directory.
    public var extraInfo: String?
    /// The groups the user belongs to; they decide which group-scoped external contacts the user sees.
    public var groups: [GroupID]
    /// Administrative permissions (ADM-3); every user may manage their own presence.
    public var permissions: Set<Permission>
    /// Badge ids the access-control system reports for this user (INT-ACS).
    public var badgeIDs: [String]
    /// Calendar address (mailbox or CalDAV principal) a calendar plugin reads (INT-CAL).
    public var calendar: String?
    /// Whether other users see this user's active role (hidden by default, DIR-5).
    public var showsRole: Bool

    /// Creates a user; only the id, names and base profile are required.
    public init(
        id: UserID, firstName: String, lastName: String, profile: BaseProfile,
        enterpriseNumber: PhoneNumber? = nil, mobileNumber: PhoneNumber? = nil, faxNumber: PhoneNumber? = nil,
        email: String? = nil, company: String? = nil, department: String? = nil, title: String? = nil,
        keywords: [String] = [], extraInfo: String? = nil, groups: [GroupID] = [],
        permissions: Set<Permission> = [], badgeIDs: [String] = [], calendar: String? = nil, showsRole: Bool = false
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.profile = profile
        self.enterpriseNumber = enterpriseNumber
        self.mobileNumber = mobileNumber
        self.faxNumber = faxNumber
        self.email = email
        self.company = company
        self.department = department
        self.title = title
        self.keywords = keywords
        self.extraInfo = extraInfo
        self.groups = groups
        self.permissions = permissions
        self.badgeIDs = badgeIDs
        self.calendar = calendar
        self.showsRole = showsRole
    }

    /// "First Last".
    public var displayName: String { "\(firstName) \(lastName)" }

    /// Every number the user owns, for uniqueness checks.
    public var numbers: [PhoneNumber] { [enterpriseNumber, mobileNumber, faxNumber].compactMap { $0 } }
}

/// An administrative permission a user or token may hold (ADM-3).
public enum Permission: String, Codable, Sendable, CaseIterable, Hashable {
    case mainAdmin = "main_admin"
    case supervisor
    case `operator`
    case reporting
}
