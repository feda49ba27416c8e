import Foundation
import HubCore

/// A generated tenant: realistic Finnish/Swedish users with departments, titles and unique numbers.
struct GeneratedTenant: Sendable {
    var tenant: Tenant
    var groups: [Group]
    var users: [User]

    static let tenantID: TenantID = "bench"

    /// `count` users, the same on every run; the first three are main admins.
    static func make(users count: Int, seed: UInt64 = 0x4855_4221) -> GeneratedTenant {
        var random = SeededRandom(seed: seed)
        let groups = NordicNames.departments.map { Group(id: GroupID($0.group), name: $0.name) }
        var usedIDs = Set<String>()
        var users: [User] = []
        users.reserveCapacity(count)
        for index in 0..<count {
            let first = random.pick(NordicNames.firstNames)
            let last = random.pick(NordicNames.lastNames)
            let department = random.pick(NordicNames.departments)
            let base = "\(Self.slug(first)).\(Self.slug(last))"
            var id = base
            var suffix = 2
            while !usedIDs.insert(id).inserted {
                id = "\(base)\(suffix)"
                suffix += 1
            }
            let mobilePrefix = random.pick(["40", "41", "44", "45", "50"])
            var keywords: [String] = []
            for _ in 0..<Int.random(in: 0...2, using: &random) { keywords.append(random.pick(NordicNames.keywords)) }
            users.append(User(
                id: UserID(id), firstName: first, lastName: last, profile: random.pick(BaseProfile.allCases),
                enterpriseNumber: Self.number("+358102", index),
                mobileNumber: Self.number("+358\(mobilePrefix)", (index &* 7_919) % 10_000_000, digits: 7),
                faxNumber: random.chance(5) ? Self.number("+358109", index) : nil,
                email: "\(id)@bench.example", company: "Bench Oy", department: department.name,
                title: random.pick(department.titles), keywords: Array(Set(keywords)).sorted(),
                extraInfo: "Toimipiste \(random.pick(NordicNames.offices))", groups: [GroupID(department.group)],
                permissions: index < 3 ? [.mainAdmin] : [], badgeIDs: [String(format: "B%07X", index)],
                calendar: "\(id)@bench.example", showsRole: random.chance(20)))
        }
        let tenant = Tenant(id: tenantID, name: "Bench Oy", timeZone: "Europe/Helsinki", countryCode: "358")
        return GeneratedTenant(tenant: tenant, groups: groups, users: users)
    }

    /// The directory entries of every user, as the hub indexes them.
    var directoryEntries: [DirectoryEntry] { users.map(DirectoryEntry.init(user:)) }

    /// Writes the tenant in the `hub seed` file format (samples/demo/tenant.json).
    func write(to path: String) throws {
        struct SeedFile: Encodable {
            var tenant: Tenant
            var groups: [Group]
            var users: [User]
        }
        let data = try JSONEncoder().encode(SeedFile(tenant: tenant, groups: groups, users: users))
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// An identifier-safe ASCII form of a name (`Mäkinen` → `makinen`, `Ann-Mari` → `ann-mari`).
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }.map(Character.init))
    }

    /// `prefix` followed by `value` zero-padded to `digits` digits, as an E.164 number.
    static func number(_ prefix: String, _ value: Int, digits: Int = 6) -> PhoneNumber? {
        try? PhoneNumber(prefix + String(format: "%0\(digits)d", value))
    }
}
