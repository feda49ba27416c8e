import HubCore

/// Everything the engine holds in memory for one tenant.
struct TenantState: Sendable {
    var tenant: Tenant
    var presence: PresenceEngine
    var users: [UserID: User]
    var groups: [GroupID: Group]
    var contacts: [ContactID: Contact]
    var licences: LicencePool
    var index: DirectoryIndex
    /// Users by badge id, for access-control plugins.
    var badges: [String: UserID]

    init(snapshot: TenantSnapshot) {
        tenant = snapshot.tenant
        presence = PresenceEngine(catalogue: snapshot.catalogue, presences: snapshot.presences)
        users = Dictionary(uniqueKeysWithValues: snapshot.users.map { ($0.id, $0) })
        groups = Dictionary(uniqueKeysWithValues: snapshot.groups.map { ($0.id, $0) })
        contacts = Dictionary(uniqueKeysWithValues: snapshot.contacts.map { ($0.id, $0) })
        licences = LicencePool(capacity: snapshot.tenant.licences, holders: snapshot.addOns)
        index = DirectoryIndex()
        badges = [:]
        rebuildIndex()
        for user in snapshot.users { for badge in user.badgeIDs { badges[badge] = user.id } }
    }

    /// Rebuilds the search index (at load, and when the tenant's country code changes national forms).
    mutating func rebuildIndex() {
        index = DirectoryIndex(
            users.values.map(DirectoryEntry.init(user:)) + contacts.values.map(DirectoryEntry.init(contact:)),
            countryCode: tenant.countryCode)
    }

    /// Whether the tenant meets the DIR-1 minimums.
    var status: TenantStatus { TenantStatus.of(users: users.values) }

    /// Replaces or adds a user in every derived structure.
    mutating func put(_ user: User) {
        if let old = users[user.id] { for badge in old.badgeIDs where badges[badge] == user.id { badges.removeValue(forKey: badge) } }
        users[user.id] = user
        for badge in user.badgeIDs { badges[badge] = user.id }
        index.upsert(DirectoryEntry(user: user))
    }

    /// Removes a user from every derived structure.
    mutating func drop(_ id: UserID) {
        if let old = users.removeValue(forKey: id) {
            for badge in old.badgeIDs where badges[badge] == id { badges.removeValue(forKey: badge) }
        }
        licences.releaseAll(for: id)
        index.remove(.user(id))
    }

    /// Replaces or adds a contact.
    mutating func put(_ contact: Contact) {
        contacts[contact.id] = contact
        index.upsert(DirectoryEntry(contact: contact))
    }

    /// Removes a contact.
    mutating func drop(_ id: ContactID) {
        contacts.removeValue(forKey: id)
        index.remove(.contact(id))
    }
}
