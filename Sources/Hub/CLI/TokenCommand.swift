import ArgumentParser
import Foundation
import HubCore
import Logging

/// `hub token create`: makes an API token directly in the data directory (also before the first start).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    /// Creates a token and prints its secret once.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print its secret.")

        @OptionGroup var data: DataOptions
        @Option(help: "Tenant id; leave out with --role hub_admin.") var tenant: String?
        @Option(help: "hub_admin, main_admin, supervisor, operator, reporting, user or service.") var role: String
        @Option(help: "User the token acts as (required for role user).") var user: String?
        @Option(help: "A label for the token.") var name: String = "cli"

        func run() async throws {
            guard let role = TokenRole(rawValue: role) else {
                throw ValidationError("--role: one of \(TokenRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if role == .hubAdmin, tenant != nil { throw ValidationError("--tenant: a hub_admin token has no tenant") }
            if role != .hubAdmin, tenant == nil { throw ValidationError("--tenant is required for role \(role.rawValue)") }
            if role == .user, user == nil { throw ValidationError("--user is required for role user") }
            let runtime = try await HubRuntime.make(
                HubConfiguration(dataDirectory: data.dataDirectory), registry: BuiltinPlugins.registry, logger: Logger(label: "hub.token"))
            let tenantID = tenant.map(TenantID.init)
            if let tenantID {
                guard await runtime.services.engine.tenantIDs().contains(tenantID) else { throw ValidationError("--tenant: no tenant '\(tenantID)'") }
                if let user { _ = try await runtime.services.engine.user(tenant: tenantID, id: UserID(user)) }
            }
            let (record, secret) = try runtime.services.tokens.create(tenant: tenantID, role: role, user: user.map(UserID.init), name: name)
            try runtime.services.repository.commit([], audit: [AuditRecord(
                id: nil, tenant: tenantID, at: runtime.services.clock.now(), actor: "cli", action: "token.create",
                target: "token:\(record.id)", before: nil, after: try StoreCoding.encode(AdminRoutes.TokenView(record)))])
            print(secret)
        }
    }
}
