import Foundation
import HubCore
import Testing

/// `samples/demo/routing.json` (what `hub seed` stores for the demo tenant) decodes, validates against the
/// users of `samples/demo/tenant.json`, and routes the way its README promises.
@Suite("Routing: the demo tenant's routing sample")
struct DemoRoutingSampleTests {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The routing file's shape: the same document `PUT /api/v1/tenants/acme/routing` takes.
    struct Document: Decodable {
        var plan: RoutingPlan
        var schedules: [String: Schedule]
    }

    /// The parts of the tenant file the routing needs.
    struct TenantFile: Decodable {
        struct PresenceSeed: Decodable {
            var user: UserID
            var activity: ActivityID?
            var role: RoleID?
        }
        var users: [User]
        var presence: [PresenceSeed]
    }

    static func load() throws -> (Document, [UserID: RoutingUser]) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let document = try decoder.decode(Document.self, from: Data(contentsOf: root.appendingPathComponent("samples/demo/routing.json")))
        let tenant = try decoder.decode(TenantFile.self, from: Data(contentsOf: root.appendingPathComponent("samples/demo/tenant.json")))
        var users = Dictionary(uniqueKeysWithValues: tenant.users.map { ($0.id, RoutingUser($0, presence: nil)) })
        for seed in tenant.presence {
            if let activity = seed.activity { users[seed.user]?.activity = activity }
            if let role = seed.role { users[seed.user]?.role = role }
        }
        return (document, users)
    }

    @Test("decodes and validates against the demo users; every schedule it names exists")
    func validates() throws {
        let (document, users) = try Self.load()
        try document.plan.validate(users: users)
        let named = document.plan.queues.compactMap(\.schedule) + document.plan.huntGroups.compactMap(\.schedule)
        #expect(!named.isEmpty)
        for name in named { #expect(document.schedules[name] != nil, "unknown schedule '\(name)'") }
    }

    @Test("has a switchboard, a skill-based customer-service queue, two hunt groups and rules for several users")
    func contents() throws {
        let (document, users) = try Self.load()
        let plan = document.plan
        #expect(plan.queue("switchboard") != nil)
        let service = try #require(plan.queue("customer-service"))
        #expect(service.strategy == .skill)
        let skill = try #require(service.skill)
        let skilled = plan.skills.filter { ($0.value[skill.skill] ?? 0) >= skill.minimumLevel }.keys
        #expect(skilled.count >= 3, "agents with \(skill.skill) ≥ \(skill.minimumLevel): \(skilled.sorted())")
        #expect(plan.huntGroups.count == 2)
        #expect(Set(plan.huntGroups.map(\.mode)) == [.parallel, .serial])
        #expect(plan.rules.count >= 5)
        let taken = Set(users.values.flatMap { [$0.enterpriseNumber, $0.mobileNumber].compactMap { $0 } })
        for number in plan.queues.map(\.number) + plan.huntGroups.map(\.number) {
            #expect(!taken.contains(number), "\(number) belongs to a user")
        }
    }

    @Test("office hours in Helsinki: open on a Tuesday morning, closed on Christmas Eve and Independence Day", arguments: [
        ("2026-12-01T08:30:00Z", true),  // Tue 10:30 in Helsinki
        ("2026-12-01T15:00:00Z", false),  // Tue 17:00
        ("2026-12-24T08:30:00Z", false),  // Christmas Eve
        ("2026-12-06T09:00:00Z", false),  // Independence Day (a Sunday in 2026, closed anyway)
        ("2026-12-07T09:00:00Z", true),  // the Monday after
    ])
    func officeHours(instant: String, open: Bool) throws {
        let (document, _) = try Self.load()
        let office = try #require(document.schedules["office"])
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        #expect(office.state(at: date).isOpen == open)
    }

    @Test("personal rules route as written: meeting forwards to the mobile, vacation goes to voicemail")
    func personalRules() throws {
        let (document, users) = try Self.load()
        let engine = RoutingEngine(plan: document.plan, users: Array(users.values))
        let anna = try #require(users["anna.virtanen"])
        #expect(anna.activity == "in_meeting")
        #expect(engine.personalRule(for: anna).action == .forward("+358401234501"))
        let bjorn = try #require(users["bjorn.sundstrom"])
        #expect(engine.personalRule(for: bjorn).action == .voicemail)
        let jyrki = try #require(users["jyrki.makinen"])
        #expect(engine.personalRule(for: jyrki).busy == .personalQueue)
    }
}
