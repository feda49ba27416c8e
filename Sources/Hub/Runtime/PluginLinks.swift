import HubCore

/// Applies what a plugin instance produces through the engine, as the instance's tenant.
struct EnginePluginSink: PluginEventSink {
    let engine: EngineService
    let tenant: TenantID
    let instanceID: String
    /// Where delivery receipts go; nil when the hub runs without messaging (tests).
    var outbox: Outbox?

    func submit(_ output: PluginOutput) async throws -> PluginOutputResult {
        switch output {
        case let .presence(user, update):
            guard !update.source.isManual else { return Self.manualSourceRefused(update.source) }
            do {
                return Self.result(try await engine.setPresence(
                    tenant: tenant, user: user, update: update, actor: "plugin:\(instanceID)", audited: false))
            } catch {
                return try Self.result(error)
            }
        case let .liftPresence(user, source):
            guard !source.isManual else { return Self.manualSourceRefused(source) }
            do {
                return Self.result(try await engine.liftPresence(tenant: tenant, user: user, source: source))
            } catch {
                return try Self.result(error)
            }
        case let .deliveryReport(report):
            guard let outbox else { return .rejected("this hub has no message outbox") }
            return await outbox.deliveryReport(report, tenant: tenant)
        case let .incomingSMS(sms):
            guard !sms.from.isEmpty, !sms.to.isEmpty else { return .rejected("an incoming SMS needs from and to") }
            await engine.publish(tenant, .smsReceived(sms))
            return .applied
        }
    }

    private static func manualSourceRefused(_ source: PresenceSource) -> PluginOutputResult {
        .rejected("plugins report automatic sources only (access_control, calendar, sip, api_client), not '\(source.rawValue)'")
    }

    private static func result(_ outcome: PresenceOutcome) -> PluginOutputResult {
        switch outcome {
        case .applied: .applied
        case let .ignored(reason, _): .ignored(reason)
        }
    }

    /// A failed presence output: refused as invalid, or thrown as unavailable when storage failed (retry later).
    private static func result(_ error: HubError) throws -> PluginOutputResult {
        if case .storage = error { throw PluginError.unavailable(error.description) }
        return .rejected(error.description)
    }
}

/// Directory lookups for plugins, limited to the instance's tenant.
struct EngineDirectoryLookup: DirectoryLookup {
    let engine: EngineService
    let tenant: TenantID

    func user(_ id: UserID) async -> User? { try? await engine.user(tenant: tenant, id: id) }
    func user(badge: String) async -> User? { await engine.user(tenant: tenant, badge: badge) }
    func user(calendar address: String) async -> User? { await engine.user(tenant: tenant, calendar: address) }
    func usersWithCalendars() async -> [User] { await engine.usersWithCalendars(tenant: tenant) }
}

/// A plugin instance's key-value state in the hub database.
struct StorePluginState: PluginStateStore {
    let repository: any PluginStateRepository
    let instanceID: String

    func value(for key: String) async throws -> String? { try repository.value(instance: instanceID, key: key) }
    func set(_ value: String?, for key: String) async throws { try repository.set(instance: instanceID, key: key, value: value) }
}
