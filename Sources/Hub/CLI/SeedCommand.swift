import ArgumentParser
import Foundation
import HubCore
import Logging

/// `hub seed FILE`: loads a tenant file (the demo tenant) once; running it again changes nothing.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load a tenant from a JSON file if it is not there yet, and print a token for it.")

    @OptionGroup var data: DataOptions
    @Argument(help: "Tenant file, e.g. samples/demo/tenant.json.") var file: String
    @Option(help: "Routing file ({\"plan\", \"schedules\"}); default: routing.json next to the tenant file, if there is one.")
    var routing: String?

    func run() async throws {
        let logger = Logger(label: "hub.seed")
        let seed: TenantSeed
        do {
            seed = try StoreCoding.decoder.decode(TenantSeed.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch let error as DecodingError {
            let (path, reason) = error.pathAndReason
            throw ValidationError("\(file): \(path): \(reason)")
        }
        let runtime = try await HubRuntime.make(
            HubConfiguration(dataDirectory: data.dataDirectory), registry: BuiltinPlugins.registry, logger: logger)
        let loaded = try await seed.load(into: runtime.services.engine, clock: runtime.services.clock)
        print(loaded ? "loaded tenant '\(seed.tenant.id)' from \(file)" : "tenant '\(seed.tenant.id)' already present; nothing changed")
        try await seedRouting(tenant: seed.tenant.id, routing: runtime.services.routing)
        let tokenFile = (data.dataDirectory as NSString).appendingPathComponent("demo-token")
        if let existing = try? String(contentsOfFile: tokenFile, encoding: .utf8) {
            print("demo token (main_admin of \(seed.tenant.id)): \(existing.trimmingCharacters(in: .whitespacesAndNewlines))")
            return
        }
        let admin = seed.users.first { $0.permissions.contains(.mainAdmin) }?.id
        let (_, secret) = try runtime.services.tokens.create(tenant: seed.tenant.id, role: .mainAdmin, user: admin, name: "demo")
        guard FileManager.default.createFile(atPath: tokenFile, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("cannot write \(tokenFile)")
        }
        print("demo token (main_admin of \(seed.tenant.id)): \(secret)")
    }
}

/// The JSON shape of a tenant file (see `samples/demo/tenant.json`).
struct TenantSeed: Decodable {
    var tenant: Tenant
    var groups: [Group] = []
    var users: [User] = []
    var addOns: [String: [AddOn]] = [:]
    var contacts: [Contact] = []
    var presence: [PresenceSeed] = []

    struct PresenceSeed: Decodable {
        var user: UserID
        var activity: ActivityID?
        var role: RoleID?
        var note: String?
        var until: Date?
    }

    private enum CodingKeys: String, CodingKey { case tenant, groups, users, addOns, contacts, presence }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tenant = try c.decode(Tenant.self, forKey: .tenant)
        groups = try c.decodeIfPresent([Group].self, forKey: .groups) ?? []
        users = try c.decodeIfPresent([User].self, forKey: .users) ?? []
        addOns = try c.decodeIfPresent([String: [AddOn]].self, forKey: .addOns) ?? [:]
        contacts = try c.decodeIfPresent([Contact].self, forKey: .contacts) ?? []
        presence = try c.decodeIfPresent([PresenceSeed].self, forKey: .presence) ?? []
    }

    /// Creates the tenant and everything in it through the engine (validated and audited as `cli:seed`);
    /// returns false when the tenant already exists.
    func load(into engine: EngineService, clock: HubClock) async throws -> Bool {
        guard await !engine.tenantIDs().contains(tenant.id) else { return false }
        let actor = "cli:seed"
        _ = try await engine.createTenant(tenant, actor: actor)
        do {
            try await loadContents(into: engine, clock: clock, actor: actor)
        } catch {
            // All or nothing: a half-loaded tenant would make the next run report "nothing changed".
            try? await engine.deleteTenant(tenant.id, actor: actor)
            throw error
        }
        return true
    }

    private func loadContents(into engine: EngineService, clock: HubClock, actor: String) async throws {
        let id = tenant.id
        for group in groups { _ = try await engine.putGroup(tenant: id, group, actor: actor) }
        for (index, user) in users.enumerated() {
            do { _ = try await engine.putUser(tenant: id, user, expectNew: true, actor: actor) } catch {
                throw ValidationError("users[\(index)] (\(user.id)): \(error)")
            }
        }
        for (user, addOns) in addOns.sorted(by: { $0.key < $1.key }) {
            for addOn in addOns { _ = try await engine.takeAddOn(tenant: id, user: UserID(user), addOn, actor: actor) }
        }
        for contact in contacts { _ = try await engine.putContact(tenant: id, contact, expectNew: true, actor: actor) }
        let now = clock.now()
        for entry in presence {
            let until = entry.until.flatMap { $0 > now ? Change.set($0) : nil }
            let update = PresenceUpdate(
                activity: entry.activity, role: entry.role, until: until, note: entry.note.map { .set($0) }, source: .admin)
            _ = try await engine.setPresence(tenant: id, user: entry.user, update: update, actor: actor, audited: true)
        }
    }
}
