import Foundation
import Testing

@testable import HubCore

private func phone(_ text: String) -> PhoneNumber? { try? PhoneNumber(text) }

private let matti = User(
    id: "matti", firstName: "Matti", lastName: "Virtanen", profile: .desktopMobile,
    enterpriseNumber: phone("010 123 4567"), mobileNumber: phone("040 123 4567"), email: "matti.virtanen@acme.fi",
    company: "Acme Oy", department: "Customer Service", title: "Team Lead", keywords: ["invoices", "reception"])
private let ake = User(
    id: "ake", firstName: "Åke", lastName: "Ström", profile: .smartphone, mobileNumber: phone("040 987 6543"),
    email: "ake.strom@acme.fi", company: "Acme Oy", department: "Sales")
private let jose = User(
    id: "jose", firstName: "José", lastName: "Álvarez", profile: .desktop, email: "jose@example.es",
    department: "Support", title: "Engineer")
private let anna = User(
    id: "anna", firstName: "Anna-Liisa", lastName: "Äijälä", profile: .mobile, mobileNumber: phone("050 111 2233"),
    department: "Customer Service")
private let plainAke = User(id: "ake2", firstName: "Ake", lastName: "Lindqvist", profile: .fixed, department: "Finance")

private let users = [matti, ake, jose, anna, plainAke]
private func standardIndex() -> DirectoryIndex { DirectoryIndex(users.map(DirectoryEntry.init(user:))) }

/// The characters a match points at.
private func highlighted(_ match: FieldMatch) -> String { String(match.value.dropFirst(match.start).prefix(match.length)) }

private func userIDs(_ hits: [SearchHit]) -> Set<String> {
    Set(hits.compactMap { if case let .user(id) = $0.ref { id.rawValue } else { nil } })
}

@Suite("Directory search (DIR-6)")
struct DirectoryIndexTests {
    @Test(arguments: [
        // names, case
        ("matti", ["matti"]), ("MATTI", ["matti"]), ("Mat", ["matti"]), ("mattix", []),
        // every prefix must match, in any fields and any order
        ("matti serv", ["matti"]), ("serv matti", ["matti"]), ("matti sales", []), ("cust serv", ["matti", "anna"]),
        ("virtanen 040", ["matti"]), ("oy", ["matti", "ake"]), ("oy sales", ["ake"]),
        // prefix of any word of a field
        ("serv", ["matti", "anna"]), ("lead", ["matti"]), ("inv", ["matti"]), ("rec", ["matti"]), ("su", ["jose"]),
        ("fin", ["ake2"]), ("ervice", []),
        // diacritics both ways
        ("äij", ["anna"]), ("AIJ", ["anna"]), ("aijala", ["anna"]), ("ÄIJÄLÄ", ["anna"]),
        ("ake", ["ake", "ake2"]), ("åke", ["ake", "ake2"]), ("ÅKE", ["ake", "ake2"]), ("ake str", ["ake"]),
        ("strom", ["ake"]), ("ström", ["ake"]), ("jose", ["jose"]), ("JOSÉ", ["jose"]), ("alv", ["jose"]),
        ("álvarez", ["jose"]),
        // values and queries with separators
        ("anna-liisa", ["anna"]), ("liisa", ["anna"]), ("anna liisa", ["anna"]), ("Anna-Li äij", ["anna"]),
        ("matti.virtanen@acme.fi", ["matti"]), ("ake.strom@", ["ake"]), ("example", ["jose"]),
        // numbers: national form, E.164 digits, written with separators
        ("040123", ["matti"]), ("040 123 4567", ["matti"]), ("040-123 45 67", ["matti"]), ("(040) 123", ["matti"]),
        ("+35840", ["matti", "ake"]), ("35840", ["matti", "ake"]), ("+358 40 98", ["ake"]), ("0101", ["matti"]),
        ("050", ["anna"]), ("358", ["matti", "ake", "anna"]), ("0401234567", ["matti"]), ("04012345678", []),
        ("+46", []), ("123", []),
        // nothing to search
        ("", []), ("   ", []), ("-", []), ("@ .", []),
    ])
    func findsEntriesMatchingEveryPrefix(_ query: String, _ expected: [String]) {
        let hits = standardIndex().search(query)
        #expect(userIDs(hits) == Set(expected), "query '\(query)'")
        #expect(hits.count == expected.count)
    }

    @Test(arguments: [
        ("serv", "matti", DirectoryField.department, "Serv"),
        ("str", "ake", .lastName, "Str"),
        ("strö", "ake", .lastName, "Strö"),
        ("ake", "ake", .firstName, "Åke"),
        ("ÅK", "ake2", .firstName, "Ak"),
        ("alv", "jose", .lastName, "Álv"),
        ("liisa", "anna", .firstName, "Liisa"),
        ("äij", "anna", .lastName, "Äij"),
        ("virt", "matti", .email, "virt"),
        ("acme", "matti", .company, "Acme"),
        ("lead", "matti", .title, "Lead"),
        ("inv", "matti", .keywords, "inv"),
        ("040123", "matti", .mobileNumber, "+35840123"),
        ("040 123 4567", "matti", .mobileNumber, "+358401234567"),
        ("+35840", "matti", .mobileNumber, "+35840"),
        ("35840", "ake", .mobileNumber, "+35840"),
        ("0", "anna", .mobileNumber, "+358"),
        ("010", "matti", .enterpriseNumber, "+35810"),
    ])
    func hitsPointAtTheMatchedCharacters(_ query: String, _ user: String, _ field: DirectoryField, _ text: String) throws {
        let hit = try #require(standardIndex().search(query).first { $0.ref == .user(UserID(user)) })
        let match = try #require(hit.matches.first { $0.field == field }, "no \(field) match in \(hit.matches)")
        #expect(highlighted(match) == text)
    }

    @Test func aHitListsEveryMatchedFieldInFieldOrder() throws {
        let hits = standardIndex().search("matti serv")
        let hit = try #require(hits.first)
        #expect(hit.ref == .user("matti"))
        #expect(hit.sortKey == "Virtanen Matti")
        #expect(hit.matches == [
            FieldMatch(field: .firstName, value: "Matti", start: 0, length: 5),
            FieldMatch(field: .email, value: "matti.virtanen@acme.fi", start: 0, length: 5),
            FieldMatch(field: .department, value: "Customer Service", start: 9, length: 4),
        ])
    }

    @Test func aNumberMatchIsReportedOnceWithItsHighlight() throws {
        let hit = try #require(standardIndex().search("0401").first)
        #expect(hit.matches == [FieldMatch(field: .mobileNumber, value: "+358401234567", start: 0, length: 7)])
        #expect(hit.matches.first.map(highlighted) == "+358401")
    }

    @Test func decomposedValuesAreMatchedAndMeasuredByCharacter() throws {
        let entry = DirectoryEntry(
            ref: .user("d"), sortKey: "d", fields: [.init(.lastName, "Jose\u{301} Nun\u{303}ez")])
        let index = DirectoryIndex([entry])
        let hit = try #require(index.search("núñ").first)
        let match = try #require(hit.matches.first)
        #expect(match.start == 5)
        #expect(match.length == 3)
        #expect(highlighted(match) == "Nun\u{303}")
        #expect(index.search("josé").first?.matches.first?.length == 4)
        #expect(index.search("jose\u{301}").count == 1)
    }

    @Test(arguments: [("ä", "Äng"), ("Ä", "äng"), ("a", "Äng"), ("å", "Åberg"), ("o", "Öst"), ("ö", "Ost"), ("e", "Élise"), ("É", "elise")])
    func singleLettersFoldBothWays(_ query: String, _ value: String) {
        let entries = [value, "Berg", "Ilse"].map { DirectoryEntry(ref: .contact(ContactID($0.lowercased())), sortKey: $0, fields: [.init(.name, $0)]) }
        #expect(DirectoryIndex(entries).search(query).map(\.sortKey) == [value])
    }

    @Test func resultsAreOrderedBySortKey() {
        let entries = ["Lahtinen Anna", "Heikkinen Anna", "Korhonen Anna", "Anttila Bo"].enumerated().map { index, key in
            DirectoryEntry(ref: .user(UserID("u\(index)")), sortKey: key, fields: [.init(.firstName, String(key.split(separator: " ")[1]))])
        }
        let hits = DirectoryIndex(entries).search("anna")
        #expect(hits.map(\.sortKey) == ["Heikkinen Anna", "Korhonen Anna", "Lahtinen Anna"])
        #expect(standardIndex().search("customer").map(\.sortKey) == ["Virtanen Matti", "Äijälä Anna-Liisa"])
    }

    @Test func equalSortKeysAreOrderedStably() {
        let entries = ["b", "a", "c"].map { DirectoryEntry(ref: .contact(ContactID($0)), sortKey: "Same", fields: [.init(.name, "Same")]) }
        let first = DirectoryIndex(entries).search("same").map(\.ref)
        let second = DirectoryIndex(entries.reversed()).search("same").map(\.ref)
        #expect(first == second)
        #expect(first == [.contact("a"), .contact("b"), .contact("c")])
    }

    @Test func limitCutsTheSortedList() {
        let index = standardIndex()
        #expect(index.search("358", limit: 2).map(\.sortKey) == ["Ström Åke", "Virtanen Matti"])
        #expect(index.search("358", limit: 1).count == 1)
        #expect(index.search("358", limit: 0).isEmpty)
        #expect(index.search("358", limit: -1).isEmpty)
        #expect(index.search("358", limit: 100).count == 3)
    }

    @Test func filterHidesEntriesBeforeTheLimit() {
        let index = standardIndex()
        let hits = index.search("358", limit: 1) { $0 != .user("ake") }
        #expect(hits.map(\.ref) == [.user("matti")])
        #expect(index.search("ake") { _ in false }.isEmpty)
    }

    @Test func upsertReplacesAnEntry() throws {
        var index = standardIndex()
        var moved = matti
        moved.department = "Sales"
        moved.mobileNumber = phone("044 555 6666")
        index.upsert(DirectoryEntry(user: moved))
        #expect(index.count == users.count)
        #expect(userIDs(index.search("serv")) == ["anna"])
        #expect(userIDs(index.search("sales")) == ["matti", "ake"])
        #expect(index.search("040123").isEmpty)
        #expect(userIDs(index.search("044555")) == ["matti"])
        #expect(index.entry(.user("matti")) == DirectoryEntry(user: moved))
    }

    @Test func removeRemovesAndUnknownRefsAreIgnored() {
        var index = standardIndex()
        index.remove(.user("matti"))
        #expect(index.count == users.count - 1)
        #expect(index.search("matti").isEmpty)
        #expect(index.search("040123").isEmpty)
        #expect(index.entry(.user("matti")) == nil)
        index.remove(.user("matti"))
        index.remove(.contact("nobody"))
        #expect(index.count == users.count - 1)
        index.upsert(DirectoryEntry(user: matti))
        #expect(userIDs(index.search("matti")) == ["matti"])
    }

    @Test func aReusedSlotKeepsNothingOfItsFormerEntry() {
        var index = standardIndex()
        index.remove(.user("jose"))
        let newcomer = User(id: "zoe", firstName: "Zoe", lastName: "Berg", profile: .desktop, title: "Engineer")
        index.upsert(DirectoryEntry(user: newcomer))
        #expect(userIDs(index.search("eng")) == ["zoe"])
        #expect(index.search("jose").isEmpty)
        #expect(index.search("alv").isEmpty)
        #expect(userIDs(index.search("zoe berg")) == ["zoe"])
    }

    @Test func incrementalUpdatesMatchAFreshBuild() {
        var pool = users
        for index in 0..<20 {
            pool.append(User(
                id: UserID("p\(index)"), firstName: ["Pekka", "Päivi", "Paavo", "Øyvind"][index % 4],
                lastName: "Nieminen\(index % 3)", profile: .desktop, mobileNumber: phone("045 \(1_000_000 + index * 37)"),
                department: ["Sales", "Support", "Service desk"][index % 3], keywords: index.isMultiple(of: 2) ? ["pikkujoulu"] : []))
        }
        var index = DirectoryIndex()
        var live: [String: User] = [:]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            var user = pool[next(pool.count)]
            if next(4) == 0 {
                index.remove(.user(user.id))
                live[user.id.rawValue] = nil
            } else {
                if next(2) == 0 { user.title = ["Chief", "Coach", "Cook"][next(3)] }
                index.upsert(DirectoryEntry(user: user))
                live[user.id.rawValue] = user
            }
        }
        let fresh = DirectoryIndex(live.values.map(DirectoryEntry.init(user:)))
        #expect(index.count == live.count)
        #expect(fresh.count == live.count)
        for query in ["p", "pe", "pä", "pa", "oy", "øy", "nie", "nieminen1", "s", "serv", "desk", "045", "+35845", "c", "co",
                      "chief", "pik", "ma", "ake", "äij", "p s", "pa nie sup", "358"] {
            #expect(index.search(query, limit: 1000) == fresh.search(query, limit: 1000), "query '\(query)'")
        }
    }

    @Test func contactsAreSearchableEntries() throws {
        let contact = Contact(
            id: "c1", scope: .tenant, name: "Kalle Korhonen", company: "Korhonen Consulting",
            numbers: [LabelledNumber(label: "work", number: try PhoneNumber("050 111 2222"))], email: "kalle@korhonen.fi")
        let entry = DirectoryEntry(contact: contact)
        #expect(entry.ref == .contact("c1"))
        #expect(entry.sortKey == "Kalle Korhonen")
        #expect(entry.fields == [
            .init(.name, "Kalle Korhonen"), .init(.company, "Korhonen Consulting"), .init(.email, "kalle@korhonen.fi"),
            .init(.number, "+358501112222"),
        ])
        var index = standardIndex()
        index.upsert(entry)
        let hits = index.search("korh")
        #expect(hits.map(\.ref) == [.contact("c1")])
        #expect(hits.first?.matches.map(\.field) == [.name, .company, .email])
        #expect(hits.first?.matches.first.map(highlighted) == "Korh")
        let byNumber = index.search("050111")
        #expect(byNumber.map(\.ref) == [.contact("c1"), .user("anna")], "ordered by sort key: 'Kalle …' before 'Äijälä …'")
        #expect(byNumber.first { $0.ref == .contact("c1") }?.matches.map(\.field) == [.number])
        #expect(index.search("kalle consulting").map(\.ref) == [.contact("c1")])
    }

    @Test func userEntriesCarryTheDirectoryFields() {
        let entry = DirectoryEntry(user: matti)
        #expect(entry.ref == .user("matti"))
        #expect(entry.sortKey == "Virtanen Matti")
        #expect(entry.fields.map(\.field) == [
            .firstName, .lastName, .enterpriseNumber, .mobileNumber, .email, .company, .department, .title, .keywords, .keywords,
        ])
        #expect(entry.fields[3].value == "+358401234567")
        var sparse = User(id: "s", firstName: "S", lastName: "T", profile: .basic)
        sparse.company = ""
        #expect(DirectoryEntry(user: sparse).fields.map(\.field) == [.firstName, .lastName])
    }

    @Test func numbersOfAnotherCountryAreFoundInItsNationalForm() throws {
        let swede = User(id: "sven", firstName: "Sven", lastName: "Ek", profile: .mobile, mobileNumber: try PhoneNumber("+46 70 123 45 67"))
        let swedish = DirectoryIndex([DirectoryEntry(user: swede)], countryCode: "46")
        #expect(swedish.countryCode == "46")
        let hit = try #require(swedish.search("070-123").first)
        #expect(hit.matches.first.map(highlighted) == "+4670123")
        #expect(swedish.search("+4670").count == 1)
        let finnish = DirectoryIndex([DirectoryEntry(user: swede)])
        #expect(finnish.countryCode == "358")
        #expect(finnish.search("070123").isEmpty)
        #expect(finnish.search("+46 70 123").count == 1)
    }

    @Test func numberFieldsHeldInNationalFormAreSearchableByTheirDigits() throws {
        let entry = DirectoryEntry(ref: .contact("n"), sortKey: "n", fields: [.init(.number, "040 123 4567")])
        let index = DirectoryIndex([entry])
        let match = try #require(index.search("040 12").first?.matches.first)
        #expect(highlighted(match) == "040 12")
    }
}
