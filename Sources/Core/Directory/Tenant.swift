/// A customer company: its own users, numbers, presence catalogue and licences, isolated from others (DIR-1).
public struct Tenant: Codable, Sendable, Hashable, Identifiable {
    /// The tenant's unique identifier on the hub.
    public var id: TenantID
    /// The customer company's name.
    public var name: String
    /// IANA time zone used for schedules and displayed times, e.g. `Europe/Helsinki`.
    public var timeZone: String
    /// Country calling code applied to national numbers (`358` for Finland).
    public var countryCode: String
    /// Add-on licences owned (DIR-3).
    public var licences: [AddOn: Int]

    /// Creates a tenant; defaults to the Finnish time zone and country code and no add-on licences.
    public init(id: TenantID, name: String, timeZone: String = "Europe/Helsinki", countryCode: String = "358", licences: [AddOn: Int] = [:]) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.countryCode = countryCode
        self.licences = licences
    }

    /// The fewest users and main admins an active tenant may have (DIR-1).
    public static let minimumUsers = 5
    /// The fewest main admins an active tenant may have (DIR-1).
    public static let minimumMainAdmins = 2
}

/// Whether a tenant meets the DIR-1 minimums yet.
public enum TenantStatus: String, Codable, Sendable {
    /// Fewer than 5 users or 2 main admins: still being set up.
    case provisioning
    /// Meets the minimums; removals that would break them are refused.
    case active

    /// The status of a tenant with these users.
    public static func of(users: some Collection<User>) -> TenantStatus {
        let admins = users.filter { $0.permissions.contains(.mainAdmin) }.count
        return users.count >= Tenant.minimumUsers && admins >= Tenant.minimumMainAdmins ? .active : .provisioning
    }
}

/// A group of users: a department or team; external contacts can be scoped to groups (DIR-7).
public struct Group: Codable, Sendable, Hashable, Identifiable {
    /// The group's identifier within the tenant.
    public var id: GroupID
    /// The group's display name (the department or team).
    public var name: String

    /// Creates a group with the given id and display name.
    public init(id: GroupID, name: String) {
        self.id = id
        self.name = name
    }
}
