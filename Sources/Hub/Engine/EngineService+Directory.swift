import Foundation
import HubCore

/// A directory search result as the API shows it (DIR-5, DIR-6).
struct DirectoryHitView: Codable, Sendable, Equatable {
    var kind: String
    var id: String
    var name: String
    var matches: [FieldMatch]
    var user: User?
    var contact: Contact?
    var presence: PresenceView?
}

extension EngineService {
    /// Searches users and the contacts `viewer` may see; every prefix must match some field.
    /// `viewer` decides which contacts show; `redact` hides badge ids and calendar addresses (tokens that do
    /// not administer the tenant); `showRoles` shows every user's active role (privileged tokens, DIR-5).
    func search(
        tenant: TenantID, query: String, viewer: UserID?, limit: Int, redact: Bool, showRoles: Bool
    ) throws(HubError) -> [DirectoryHitView] {
        let state = try state(tenant)
        let viewerGroups = viewer.flatMap { state.users[$0]?.groups } ?? []
        let hits = state.index.search(query, limit: limit) { ref in
            guard case let .contact(id) = ref, let contact = state.contacts[id] else { return true }
            return Self.canSee(contact, viewer: viewer, groups: viewerGroups)
        }
        return hits.compactMap { hit in
            switch hit.ref {
            case let .user(id):
                guard let user = state.users[id] else { return nil }
                return DirectoryHitView(kind: "user", id: id.rawValue, name: user.displayName, matches: hit.matches,
                                        user: redact ? user.redactedForDirectory : user, contact: nil,
                                        presence: presenceView(state, id, viewer: showRoles ? nil : viewer))
            case let .contact(id):
                guard let contact = state.contacts[id] else { return nil }
                return DirectoryHitView(kind: "contact", id: id.rawValue, name: contact.name, matches: hit.matches,
                                        user: nil, contact: contact, presence: contact.user.map { presenceView(state, $0, viewer: showRoles ? nil : viewer) })
            }
        }
    }

    // MARK: groups

    /// Every group of the tenant.
    func groups(tenant: TenantID) throws(HubError) -> [Group] {
        try state(tenant).groups.values.sorted { $0.id < $1.id }
    }

    /// Creates or renames a group.
    func putGroup(tenant: TenantID, _ group: Group, actor: String) throws(HubError) -> Group {
        var state = try state(tenant)
        if group.name.isEmpty || group.name.count > 200 { throw .invalid("$.name", "must be 1-200 characters") }
        let before = state.groups[group.id]
        state.groups[group.id] = group
        try commit([.upsertGroup(tenant, group)],
                   audit: [auditRecord(tenant, actor: actor, action: before == nil ? "group.create" : "group.update",
                                       target: "group:\(group.id)", before: before, after: group)])
        tenants[tenant] = state
        return group
    }

    /// Deletes a group nobody belongs to and no contact is scoped to.
    func deleteGroup(tenant: TenantID, id: GroupID, actor: String) throws(HubError) {
        var state = try state(tenant)
        guard let group = state.groups[id] else { throw .notFound("no group '\(id)'") }
        let members = state.users.values.filter { $0.groups.contains(id) }.map(\.id.rawValue).sorted()
        if !members.isEmpty { throw .conflict("group '\(id)' still has members: \(members.joined(separator: ", "))") }
        let scoped = state.contacts.values.filter { if case let .groups(ids) = $0.scope { ids.contains(id) } else { false } }
        if !scoped.isEmpty { throw .conflict("group '\(id)' still scopes \(scoped.count) external contact(s)") }
        state.groups.removeValue(forKey: id)
        try commit([.deleteGroup(tenant, id)],
                   audit: [auditRecord(tenant, actor: actor, action: "group.delete", target: "group:\(id)",
                                       before: group, after: Group?.none)])
        tenants[tenant] = state
    }

    // MARK: contacts

    /// Contacts `viewer` may see: company contacts, contacts of the viewer's groups (all groups for a
    /// token without a user), and the viewer's own personal contacts. Personal lists are never shared (DIR-7).
    func contacts(tenant: TenantID, viewer: UserID?) throws(HubError) -> [Contact] {
        let state = try state(tenant)
        let groups = viewer.flatMap { state.users[$0]?.groups } ?? []
        return state.contacts.values.filter { Self.canSee($0, viewer: viewer, groups: groups) }.sorted { $0.id < $1.id }
    }

    /// Whether a viewer (a user, or nil for a token without one) may see a contact.
    static func canSee(_ contact: Contact, viewer: UserID?, groups: [GroupID]) -> Bool {
        guard let viewer else { return contact.scope.isShared }
        return contact.isVisible(to: viewer, groups: groups)
    }

    /// The contact if `viewer` may see it, or notFound (as if it did not exist).
    func contact(tenant: TenantID, id: ContactID, viewer: UserID?) throws(HubError) -> Contact {
        let state = try state(tenant)
        guard let contact = state.contacts[id],
              Self.canSee(contact, viewer: viewer, groups: viewer.flatMap { state.users[$0]?.groups } ?? [])
        else { throw .notFound("no contact '\(id)'") }
        return contact
    }

    /// Creates or replaces a contact after checking its references.
    func putContact(tenant: TenantID, _ contact: Contact, expectNew: Bool, actor: String) throws(HubError) -> Contact {
        var state = try state(tenant)
        let before = state.contacts[contact.id]
        if expectNew, before != nil { throw .conflict("contact '\(contact.id)' already exists") }
        if !expectNew, before == nil { throw .notFound("no contact '\(contact.id)'") }
        var issues = ValidationCollector()
        if contact.name.isEmpty || contact.name.count > 200 { issues.add("$.name", "must be 1-200 characters") }
        if let user = contact.user, state.users[user] == nil { issues.add("$.user", "no user '\(user)' in this tenant") }
        switch contact.scope {
        case let .personal(owner) where state.users[owner] == nil:
            issues.add("$.scope.owner", "no user '\(owner)' in this tenant")
        case let .groups(ids):
            if ids.isEmpty { issues.add("$.scope.groups", "name at least one group") }
            for (index, id) in ids.enumerated() where state.groups[id] == nil {
                issues.add("$.scope.groups[\(index)]", "no group '\(id)' in this tenant")
            }
        default: break
        }
        if contact.numbers.count > 20 { issues.add("$.numbers", "at most 20 numbers") }
        if let note = contact.note, note.count > 2000 { issues.add("$.note", "at most 2000 characters") }
        do { try issues.finish() } catch { throw .invalid(error) }
        state.put(contact)
        try commit([.upsertContact(tenant, contact)],
                   audit: [auditRecord(tenant, actor: actor, action: expectNew ? "contact.create" : "contact.update",
                                       target: "contact:\(contact.id)", before: before, after: contact)])
        tenants[tenant] = state
        return contact
    }

    /// Deletes a contact.
    func deleteContact(tenant: TenantID, id: ContactID, actor: String) throws(HubError) {
        var state = try state(tenant)
        guard let contact = state.contacts[id] else { throw .notFound("no contact '\(id)'") }
        state.drop(id)
        try commit([.deleteContact(tenant, id)],
                   audit: [auditRecord(tenant, actor: actor, action: "contact.delete", target: "contact:\(id)",
                                       before: contact, after: Contact?.none)])
        tenants[tenant] = state
    }

    // MARK: catalogue

    /// The tenant's activity catalogue.
    func catalogue(tenant: TenantID) throws(HubError) -> ActivityCatalogue { try state(tenant).presence.catalogue }

    /// Adds or changes an activity.
    func putActivity(tenant: TenantID, _ activity: Activity, actor: String) throws(HubError) -> Activity {
        try changeCatalogue(tenant, actor: actor, action: "activity.put", target: "activity:\(activity.id)") { catalogue throws(ValidationError) in
            try catalogue.upsert(activity)
        }
        return activity
    }

    /// Removes an activity nobody currently has.
    func deleteActivity(tenant: TenantID, id: ActivityID, actor: String) throws(HubError) {
        let state = try state(tenant)
        let holders = state.presence.presences.filter { $0.value.activity == id }.count
        if holders > 0 { throw .conflict("\(holders) user(s) have activity '\(id)' now; change their presence first") }
        try changeCatalogue(tenant, actor: actor, action: "activity.delete", target: "activity:\(id)") { catalogue throws(ValidationError) in
            try catalogue.remove(id)
        }
    }

    /// Replaces the role list (work and mobile always stay).
    func setRoles(tenant: TenantID, _ roles: [RoleID], actor: String) throws(HubError) {
        let state = try state(tenant)
        let inUse = Set(state.presence.presences.values.map(\.role)).subtracting(roles)
        if let role = inUse.first { throw .conflict("role '\(role)' is in use; change those users' role first") }
        try changeCatalogue(tenant, actor: actor, action: "roles.set", target: "roles") { catalogue throws(ValidationError) in
            try catalogue.setRoles(roles)
        }
    }

    private func changeCatalogue(
        _ tenant: TenantID, actor: String, action: String, target: String,
        _ change: (inout ActivityCatalogue) throws(ValidationError) -> Void
    ) throws(HubError) {
        var state = try state(tenant)
        var catalogue = state.presence.catalogue
        let before = catalogue
        do { try change(&catalogue) } catch { throw .invalid(error) }
        state.presence.catalogue = catalogue
        try commit([.upsertTenant(state.tenant, catalogue)],
                   audit: [auditRecord(tenant, actor: actor, action: action, target: target, before: before, after: catalogue)])
        tenants[tenant] = state
        publish(tenant, .catalogueChanged)
    }

    // MARK: plugin lookups

    /// The user carrying a badge id.
    func user(tenant: TenantID, badge: String) -> User? {
        guard let state = tenants[tenant], let id = state.badges[badge] else { return nil }
        return state.users[id]
    }

    /// The user whose calendar address matches (case-insensitive).
    func user(tenant: TenantID, calendar: String) -> User? {
        tenants[tenant]?.users.values.first { $0.calendar?.lowercased() == calendar.lowercased() }
    }

    /// Users with a calendar address.
    func usersWithCalendars(tenant: TenantID) -> [User] {
        (tenants[tenant]?.users.values.filter { $0.calendar != nil } ?? []).sorted { $0.id < $1.id }
    }
}

extension ContactScope {
    /// Whether the contact belongs to the company rather than one person.
    var isShared: Bool { if case .personal = self { false } else { true } }
}

extension User {
    /// The user as non-admin readers see it: badge ids and calendar address are integration data, not directory data.
    var redactedForDirectory: User {
        var copy = self
        copy.badgeIDs = []
        copy.calendar = nil
        return copy
    }
}
