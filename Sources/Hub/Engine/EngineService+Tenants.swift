import Foundation
import HubCore

/// A tenant as the API shows it.
struct TenantView: Codable, Sendable, Equatable {
    var id: TenantID
    var name: String
    var timeZone: String
    var countryCode: String
    var status: TenantStatus
    var users: Int
    var mainAdmins: Int
    /// Licences owned, in use and free per add-on (DIR-3).
    var licences: [String: LicenceUse]

    struct LicenceUse: Codable, Sendable, Equatable {
        var owned: Int
        var inUse: Int
        var holders: [UserID]
    }
}

extension EngineService {
    /// Creates a tenant with the default presence catalogue.
    func createTenant(_ tenant: Tenant, actor: String) throws(HubError) -> TenantView {
        try Self.validate(tenant)
        guard tenants[tenant.id] == nil else { throw .conflict("tenant '\(tenant.id)' already exists") }
        let snapshot = TenantSnapshot(
            tenant: tenant, catalogue: .standard, groups: [], users: [], addOns: [:], contacts: [], presences: [:])
        try commit([.upsertTenant(tenant, .standard)],
                   audit: [auditRecord(tenant.id, actor: actor, action: "tenant.create", target: "tenant:\(tenant.id)",
                                       before: Tenant?.none, after: tenant)])
        tenants[tenant.id] = TenantState(snapshot: snapshot)
        return try tenantView(tenant.id)
    }

    /// Changes a tenant's name, time zone, country code or licence counts.
    func updateTenant(_ tenant: Tenant, actor: String) throws(HubError) -> TenantView {
        try Self.validate(tenant)
        var state = try state(tenant.id)
        for addOn in AddOn.allCases {
            do { try state.licences.setCapacity(tenant.licences[addOn] ?? 0, for: addOn) } catch {
                throw .conflict(error.description)
            }
        }
        let before = state.tenant
        state.tenant = tenant
        if before.countryCode != tenant.countryCode { state.rebuildIndex() }
        try commit([.upsertTenant(tenant, state.presence.catalogue)],
                   audit: [auditRecord(tenant.id, actor: actor, action: "tenant.update", target: "tenant:\(tenant.id)",
                                       before: before, after: tenant)])
        tenants[tenant.id] = state
        return try tenantView(tenant.id)
    }

    /// Deletes a tenant and everything it owns.
    func deleteTenant(_ id: TenantID, actor: String) throws(HubError) {
        let state = try state(id)
        try commit([.deleteTenant(id)],
                   audit: [auditRecord(nil, actor: actor, action: "tenant.delete", target: "tenant:\(id)",
                                       before: state.tenant, after: Tenant?.none)])
        tenants.removeValue(forKey: id)
        numberOwners = numberOwners.filter { $0.value.tenant != id }
        for user in state.users.keys { timers.cancel(TimerKey(tenant: id, user: user)) }
    }

    /// The tenant with its DIR-1 status and licence use.
    func tenantView(_ id: TenantID) throws(HubError) -> TenantView {
        let state = try state(id)
        var licences: [String: TenantView.LicenceUse] = [:]
        for addOn in AddOn.allCases {
            let holders = (state.licences.holders[addOn] ?? []).sorted()
            licences[addOn.rawValue] = .init(owned: state.licences.capacity[addOn] ?? 0, inUse: holders.count, holders: holders)
        }
        return TenantView(
            id: id, name: state.tenant.name, timeZone: state.tenant.timeZone, countryCode: state.tenant.countryCode,
            status: state.status, users: state.users.count,
            mainAdmins: state.users.values.filter { $0.permissions.contains(.mainAdmin) }.count, licences: licences)
    }

    /// Every tenant.
    func tenantViews() -> [TenantView] { tenants.keys.sorted().compactMap { try? tenantView($0) } }

    private static func validate(_ tenant: Tenant) throws(HubError) {
        var issues = ValidationCollector()
        if tenant.name.isEmpty || tenant.name.count > 200 { issues.add("$.name", "must be 1-200 characters") }
        if TimeZone(identifier: tenant.timeZone) == nil { issues.add("$.timeZone", "unknown IANA time zone '\(tenant.timeZone)'") }
        let code = tenant.countryCode
        if !(1...3).contains(code.count) || !code.allSatisfy(\.isASCII) || !code.allSatisfy(\.isNumber) || code.hasPrefix("0") {
            issues.add("$.countryCode", "must be 1-3 digits without leading 0, e.g. 358")
        }
        for (addOn, count) in tenant.licences where count < 0 || count > 100_000 {
            issues.add("$.licences.\(addOn.rawValue)", "must be 0-100000")
        }
        do { try issues.finish() } catch { throw .invalid(error) }
    }
}
