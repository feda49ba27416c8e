import Foundation
import Testing

@testable import HubCore

@Suite("Contacts and their scopes (DIR-7)")
struct ContactTests {
    private func contact(_ scope: ContactScope) -> Contact { Contact(id: "c1", scope: scope, name: "Kalle Korhonen") }

    @Test(arguments: [
        (ContactScope.personal(owner: "anna"), "anna", [GroupID](), true),
        (.personal(owner: "anna"), "bertil", [], false),
        (.personal(owner: "anna"), "bertil", ["sales"], false),
        (.tenant, "anna", [], true),
        (.tenant, "bertil", ["sales"], true),
        (.groups(["sales", "support"]), "anna", ["support"], true),
        (.groups(["sales", "support"]), "anna", ["finance", "sales"], true),
        (.groups(["sales"]), "anna", ["finance"], false),
        (.groups(["sales"]), "anna", [], false),
        (.groups([]), "anna", ["sales"], false),
    ] as [(ContactScope, UserID, [GroupID], Bool)])
    func visibility(_ scope: ContactScope, _ viewer: UserID, _ groups: [GroupID], _ visible: Bool) {
        #expect(contact(scope).isVisible(to: viewer, groups: groups) == visible)
    }

    @Test(arguments: [
        (ContactScope.personal(owner: "anna"), #"{"kind":"personal","owner":"anna"}"#),
        (.tenant, #"{"kind":"tenant"}"#),
        (.groups(["sales", "support"]), #"{"groups":["sales","support"],"kind":"groups"}"#),
        (.groups([]), #"{"groups":[],"kind":"groups"}"#),
    ])
    func scopeJSONShape(_ scope: ContactScope, _ json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(scope), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(ContactScope.self, from: Data(json.utf8)) == scope)
    }

    @Test(arguments: [
        #"{"kind":"everyone"}"#,
        #"{"kind":"personal"}"#,
        #"{"kind":"groups"}"#,
        #"{"kind":"groups","groups":"sales"}"#,
        #"{"kind":"personal","owner":"Not Valid"}"#,
        #"{"groups":["sales"]}"#,
    ])
    func badScopesAreRejected(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ContactScope.self, from: Data(json.utf8)) }
    }

    @Test func unknownKindIsExplained() {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ContactScope.self, from: Data(#"{"kind":"everyone"}"#.utf8))
        }
        guard case let .dataCorrupted(context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == "unknown scope 'everyone'; expected personal, tenant or groups")
    }

    @Test func aContactRoundTripsWithItsScopeNested() throws {
        let contact = Contact(
            id: "c2", scope: .groups(["sales"]), user: "anna", name: "Anna Virtanen", company: "Acme",
            numbers: [LabelledNumber(label: "mobile", number: try PhoneNumber("040 123 4567"))], email: "anna@acme.fi",
            note: "prefers mornings")
        let data = try JSONEncoder().encode(contact)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scope = try #require(object["scope"] as? [String: Any])
        #expect(scope["kind"] as? String == "groups")
        #expect(scope["groups"] as? [String] == ["sales"])
        let numbers = try #require(object["numbers"] as? [[String: Any]])
        #expect(numbers.first?["number"] as? String == "+358401234567")
        #expect(try JSONDecoder().decode(Contact.self, from: data) == contact)
    }
}
