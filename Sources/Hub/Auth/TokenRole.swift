import HubCore

/// The role an API token acts in (ADM-3, SEC-2).
enum TokenRole: String, Codable, Sendable, CaseIterable {
    /// Operator-side provisioning of the whole hub: creates tenants (ADM-2). Has no tenant.
    case hubAdmin = "hub_admin"
    /// The tenant's main admin: everything inside the tenant.
    case mainAdmin = "main_admin"
    /// Queue supervisor: reads everything, sets presence of others.
    case supervisor
    /// Switchboard operator: reads everything, sets presence of others.
    case `operator`
    /// Reads reports and the audit log.
    case reporting
    /// An employee: reads the directory, changes only their own presence and contacts.
    case user
    /// An integration (API client): reads the directory, sets presence as source `api_client`.
    case service

    /// May change directory data, catalogue, licences and tokens of the tenant.
    var administers: Bool { self == .hubAdmin || self == .mainAdmin }

    /// May set presence of any user of the tenant.
    var setsOthersPresence: Bool { administers || self == .supervisor || self == .operator || self == .service }

    /// May read the audit log.
    var readsAudit: Bool { administers || self == .reporting }

    /// The presence source recorded for changes made with this role on someone else.
    var presenceSource: PresenceSource { self == .service ? .apiClient : .admin }
}
