import Clocks
import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A hub on a temporary data directory with two small tenants, a manual clock and tokens.
struct TestHub {
    static let epoch = Date(timeIntervalSince1970: 1_795_132_800) // 2026-11-20T00:00:00Z

    let directory: String
    let clock: TestClock<Duration>
    let runtime: HubRuntime
    /// Secrets by name: acmeAdmin, acmeUser (anna), acmeUser2 (bertil), acmeService, acmeSupervisor, globexAdmin, hubAdmin.
    let tokens: [String: String]

    var services: HubServices { runtime.services }
    var engine: EngineService { runtime.services.engine }

    static func make(pluginsDirectory: String? = nil, registry: PluginRegistry = BuiltinPlugins.registry) async throws -> TestHub {
        let directory = NSTemporaryDirectory() + "hubtest-" + UUID().uuidString
        let clock = TestClock<Duration>()
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = HubConfiguration(
            dataDirectory: directory, host: "127.0.0.1", port: 0, pluginsDirectory: pluginsDirectory ?? directory + "/plugins.d")
        let runtime = try await HubRuntime.make(
            configuration, registry: registry, clock: HubClock(clock, epoch: epoch), logger: logger)
        try await seed(runtime.services.engine)
        let tokenService = runtime.services.tokens
        var tokens: [String: String] = [:]
        tokens["acmeAdmin"] = try tokenService.create(tenant: "acme", role: .mainAdmin, user: "anna", name: "t").secret
        tokens["acmeUser"] = try tokenService.create(tenant: "acme", role: .user, user: "anna", name: "t").secret
        tokens["acmeUser2"] = try tokenService.create(tenant: "acme", role: .user, user: "bertil", name: "t").secret
        tokens["acmeService"] = try tokenService.create(tenant: "acme", role: .service, user: nil, name: "t").secret
        tokens["acmeSupervisor"] = try tokenService.create(tenant: "acme", role: .supervisor, user: nil, name: "t").secret
        tokens["acmeReporting"] = try tokenService.create(tenant: "acme", role: .reporting, user: nil, name: "t").secret
        tokens["globexAdmin"] = try tokenService.create(tenant: "globex", role: .mainAdmin, user: nil, name: "t").secret
        tokens["hubAdmin"] = try tokenService.create(tenant: nil, role: .hubAdmin, user: nil, name: "t").secret
        return TestHub(directory: directory, clock: clock, runtime: runtime, tokens: tokens)
    }

    /// acme: anna (main admin), bertil (main admin), cecilia (basic), david, eva, Åke; contacts; group sales.
    /// globex: five users with their own numbers.
    static func seed(_ engine: EngineService) async throws {
        _ = try await engine.createTenant(Tenant(id: "acme", name: "Acme Oy", licences: [.agent: 2, .operator: 1]), actor: "test")
        _ = try await engine.putGroup(tenant: "acme", Group(id: "sales", name: "Sales"), actor: "test")
        _ = try await engine.putGroup(tenant: "acme", Group(id: "support", name: "Support"), actor: "test")
        let acme: [User] = [
            User(id: "anna", firstName: "Anna", lastName: "Virtanen", profile: .desktopMobile,
                 enterpriseNumber: try PhoneNumber("010 123 4501"), mobileNumber: try PhoneNumber("040-1234501"),
                 email: "anna@acme.example", department: "Sales", groups: ["sales"], permissions: [.mainAdmin],
                 badgeIDs: ["B-ANNA"], calendar: "anna@acme.example"),
            User(id: "bertil", firstName: "Bertil", lastName: "Lindqvist", profile: .desktop,
                 enterpriseNumber: try PhoneNumber("+358 10 123 4502"), groups: ["support"], permissions: [.mainAdmin]),
            User(id: "cecilia", firstName: "Cecilia", lastName: "Mäkinen", profile: .basic, mobileNumber: try PhoneNumber("0401234503")),
            User(id: "david", firstName: "David", lastName: "Nieminen", profile: .smartphone, department: "Customer Service",
                 groups: ["support"]),
            User(id: "eva", firstName: "Eva", lastName: "Öberg", profile: .fixed, keywords: ["invoices"]),
            User(id: "ake", firstName: "Åke", lastName: "Söderström", profile: .desktopSmartphone, title: "Kundtjänst"),
        ]
        for user in acme { _ = try await engine.putUser(tenant: "acme", user, expectNew: true, actor: "test") }
        _ = try await engine.putContact(tenant: "acme", Contact(
            id: "bank", scope: .tenant, name: "Nordea Business", numbers: [LabelledNumber(label: "work", number: try PhoneNumber("+358200123456"))]),
            expectNew: true, actor: "test")
        _ = try await engine.putContact(tenant: "acme", Contact(id: "annas-plumber", scope: .personal(owner: "anna"), name: "Putkimies Pekka"),
                                        expectNew: true, actor: "test")
        _ = try await engine.putContact(tenant: "acme", Contact(id: "sales-lead", scope: .groups(["sales"]), name: "Lead Partner Oy"),
                                        expectNew: true, actor: "test")
        _ = try await engine.createTenant(Tenant(id: "globex", name: "Globex AB", timeZone: "Europe/Stockholm", countryCode: "46"), actor: "test")
        for index in 1...5 {
            let user = User(id: UserID("g\(index)"), firstName: "Greta\(index)", lastName: "Globex", profile: .desktop,
                            enterpriseNumber: try PhoneNumber("+46 8 555 0000\(index)"), permissions: index <= 2 ? [.mainAdmin] : [])
            _ = try await engine.putUser(tenant: "globex", user, expectNew: true, actor: "test")
        }
    }

    /// Removes the data directory.
    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
}

/// A decoded test response.
struct Reply {
    var status: HTTPResponse.Status
    var text: String
    var headers: HTTPFields

    /// The body as JSON (object, array or scalar).
    var json: Any { (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) ?? NSNull() }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// `error.issues[*].path` of an error answer.
    var issuePaths: [String] {
        ((object["error"] as? [String: Any])?["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }
}

extension TestClientProtocol {
    /// Sends a request with an optional bearer token and JSON body.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            Reply(status: response.status, text: String(buffer: response.body), headers: response.headers)
        }
    }
}
