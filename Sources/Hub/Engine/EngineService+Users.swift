import Foundation
import HubCore

extension EngineService {
    /// The user, or notFound.
    func user(tenant: TenantID, id: UserID) throws(HubError) -> User {
        guard let user = try state(tenant).users[id] else { throw .notFound("no user '\(id)'") }
        return user
    }

    /// Every user of the tenant, ordered by id.
    func users(tenant: TenantID) throws(HubError) -> [User] {
        try state(tenant).users.values.sorted { $0.id < $1.id }
    }

    /// Creates (`expectNew`) or replaces a user after validating fields, groups and number uniqueness.
    func putUser(tenant: TenantID, _ user: User, expectNew: Bool, actor: String) throws(HubError) -> User {
        var state = try state(tenant)
        let before = state.users[user.id]
        if expectNew, before != nil { throw .conflict("user '\(user.id)' already exists") }
        if !expectNew, before == nil { throw .notFound("no user '\(user.id)'") }
        try validate(user, in: state)
        if let before, state.status == .active {
            let losesAdmin = before.permissions.contains(.mainAdmin) && !user.permissions.contains(.mainAdmin)
            let admins = state.users.values.filter { $0.permissions.contains(.mainAdmin) }.count
            if losesAdmin, admins <= Tenant.minimumMainAdmins {
                throw .conflict("a tenant must keep at least \(Tenant.minimumMainAdmins) main admins (DIR-1)")
            }
        }
        // Licences the new profile no longer allows are released.
        var addOnsChanged = false
        for addOn in AddOn.allCases where state.licences.holds(user.id, addOn) {
            if !EntitlementMatrix.standard.entitlement(addOn.gatingFeature, for: user.profile).permitsUse {
                state.licences.release(addOn, for: user.id)
                addOnsChanged = true
            }
        }
        state.put(user)
        var mutations: [StoreMutation] = [.upsertUser(tenant, user)]
        if addOnsChanged { mutations.append(.setAddOns(tenant, user.id, addOns(of: user.id, in: state))) }
        try commit(mutations, audit: [auditRecord(tenant, actor: actor, action: expectNew ? "user.create" : "user.update",
                                                  target: "user:\(user.id)", before: before, after: user)])
        for number in before?.numbers ?? [] { numberOwners.removeValue(forKey: number) }
        for number in user.numbers { numberOwners[number] = (tenant, "user:\(user.id)") }
        tenants[tenant] = state
        publish(tenant, .userChanged(user.id))
        return user
    }

    /// Deletes a user, releasing numbers, licences, presence and personal contacts.
    func deleteUser(tenant: TenantID, id: UserID, actor: String) throws(HubError) {
        var state = try state(tenant)
        guard let user = state.users[id] else { throw .notFound("no user '\(id)'") }
        if state.status == .active {
            if state.users.count <= Tenant.minimumUsers {
                throw .conflict("a tenant must keep at least \(Tenant.minimumUsers) users (DIR-1)")
            }
            let admins = state.users.values.filter { $0.permissions.contains(.mainAdmin) }.count
            if user.permissions.contains(.mainAdmin), admins <= Tenant.minimumMainAdmins {
                throw .conflict("a tenant must keep at least \(Tenant.minimumMainAdmins) main admins (DIR-1)")
            }
        }
        let personal = state.contacts.values.filter { $0.scope == .personal(owner: id) }.map(\.id)
        var effects: [PresenceEffect] = []
        do { effects = try state.presence.handle(.remove(id), at: clock.now()) } catch {}
        state.drop(id)
        for contact in personal { state.drop(contact) }
        try commit([.deleteUser(tenant, id)] + personal.map { .deleteContact(tenant, $0) },
                   audit: [auditRecord(tenant, actor: actor, action: "user.delete", target: "user:\(id)",
                                       before: user, after: User?.none)])
        for number in user.numbers { numberOwners.removeValue(forKey: number) }
        tenants[tenant] = state
        apply(effects, tenant: tenant)
        timers.cancel(TimerKey(tenant: tenant, user: id))
        publish(tenant, .userRemoved(id))
    }

    /// Gives the user a floating add-on licence (DIR-3).
    func takeAddOn(tenant: TenantID, user id: UserID, _ addOn: AddOn, actor: String) throws(HubError) -> Set<AddOn> {
        var state = try state(tenant)
        guard let user = state.users[id] else { throw .notFound("no user '\(id)'") }
        let before = addOns(of: id, in: state)
        do { try state.licences.take(addOn, for: id, profile: user.profile) } catch {
            throw .conflict(error.description)
        }
        let after = addOns(of: id, in: state)
        guard after != before else { return after }
        try commit([.setAddOns(tenant, id, after)],
                   audit: [auditRecord(tenant, actor: actor, action: "addon.take", target: "user:\(id)",
                                       before: before.map(\.rawValue).sorted(), after: after.map(\.rawValue).sorted())])
        tenants[tenant] = state
        return after
    }

    /// Returns the user's add-on licence to the pool.
    func releaseAddOn(tenant: TenantID, user id: UserID, _ addOn: AddOn, actor: String) throws(HubError) -> Set<AddOn> {
        var state = try state(tenant)
        guard state.users[id] != nil else { throw .notFound("no user '\(id)'") }
        let before = addOns(of: id, in: state)
        state.licences.release(addOn, for: id)
        let after = addOns(of: id, in: state)
        guard after != before else { return after }
        try commit([.setAddOns(tenant, id, after)],
                   audit: [auditRecord(tenant, actor: actor, action: "addon.release", target: "user:\(id)",
                                       before: before.map(\.rawValue).sorted(), after: after.map(\.rawValue).sorted())])
        tenants[tenant] = state
        return after
    }

    /// The add-ons a user holds.
    func addOns(tenant: TenantID, user id: UserID) throws(HubError) -> Set<AddOn> {
        let state = try state(tenant)
        guard state.users[id] != nil else { throw .notFound("no user '\(id)'") }
        return addOns(of: id, in: state)
    }

    func addOns(of user: UserID, in state: TenantState) -> Set<AddOn> {
        Set(AddOn.allCases.filter { state.licences.holds(user, $0) })
    }

    /// Who owns a number anywhere on the hub, restricted to `tenant`'s own numbers.
    func numbers(tenant: TenantID) throws(HubError) -> [(number: PhoneNumber, owner: String, kind: String)] {
        let state = try state(tenant)
        var result: [(PhoneNumber, String, String)] = []
        for user in state.users.values.sorted(by: { $0.id < $1.id }) {
            let entries: [(PhoneNumber?, String)] = [
                (user.enterpriseNumber, "enterprise"), (user.mobileNumber, "mobile"), (user.faxNumber, "fax"),
            ]
            for case let (number?, kind) in entries { result.append((number, "user:\(user.id)", kind)) }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    private func validate(_ user: User, in state: TenantState) throws(HubError) {
        var issues = ValidationCollector()
        _ = issues.check { try user.validate() }
        for (index, group) in user.groups.enumerated() where state.groups[group] == nil {
            issues.add("$.groups[\(index)]", "no group '\(group)' in this tenant")
        }
        let fields: [(String, PhoneNumber?)] = [
            ("enterpriseNumber", user.enterpriseNumber), ("mobileNumber", user.mobileNumber), ("faxNumber", user.faxNumber),
        ]
        for case let (field, number?) in fields {
            if let owner = numberOwners[number], owner.tenant != state.tenant.id || owner.owner != "user:\(user.id)" {
                // Another tenant's owner is not named: tenants are isolated.
                let who = owner.tenant == state.tenant.id ? owner.owner : "another tenant"
                issues.add("$.\(field)", "\(number) is already in use by \(who)")
            }
        }
        for (index, badge) in user.badgeIDs.enumerated() {
            if let holder = state.badges[badge], holder != user.id {
                issues.add("$.badgeIDs[\(index)]", "badge '\(badge)' already belongs to user:\(holder)")
            }
        }
        do { try issues.finish() } catch { throw .invalid(error) }
    }
}
