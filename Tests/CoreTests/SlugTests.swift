import Foundation
import Testing

@testable import HubCore

@Suite("Slug and string identifiers")
struct SlugTests {
    @Test(arguments: [
        "a", "0", "acme", "acme-oy", "user_1", "anna.virtanen", "9lives", "a-", "a.", "a_",
        String(repeating: "x", count: 64), "in_meeting", "at-office.2",
    ])
    func validIdentifiers(_ text: String) {
        #expect(Slug.isValid(text))
    }

    @Test(arguments: [
        "", "-a", "_a", ".a", "Acme", "ACME", "a b", "a/b", "a:b", "ä", "josé", "a\n",
        String(repeating: "x", count: 65), " a", "a@b", "a+b",
    ])
    func invalidIdentifiers(_ text: String) {
        #expect(!Slug.isValid(text))
    }

    @Test func identifiersEncodeAsBareStrings() throws {
        let data = try JSONEncoder().encode(["user": UserID("anna"), "tenant": UserID("acme")])
        #expect(String(decoding: data, as: UTF8.self).contains("\"anna\""))
        let decoded = try JSONDecoder().decode([String: UserID].self, from: data)
        #expect(decoded["user"] == UserID("anna"))
    }

    @Test(arguments: ["\"anna\"", "\"a.b-c_9\""])
    func decodingAValidIdentifierSucceeds(_ json: String) throws {
        let id = try JSONDecoder().decode(TenantID.self, from: Data(json.utf8))
        #expect("\"\(id.rawValue)\"" == json)
    }

    @Test(arguments: ["\"\"", "\"Anna\"", "\"-x\"", "\"a b\"", "\"\(String(repeating: "y", count: 65))\""])
    func decodingAnInvalidIdentifierFails(_ json: String) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(UserID.self, from: Data(json.utf8))
        }
        guard case let .dataCorrupted(context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == Slug.rule)
    }

    @Test func decodingAnInvalidNestedIdentifierReportsItsPath() throws {
        let json = #"{"groups":["sales","Bad Group"]}"#
        struct Holder: Decodable { var groups: [GroupID] }
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: Data(json.utf8)) }
        guard case let .dataCorrupted(context)? = error else {
            Issue.record("expected dataCorrupted")
            return
        }
        #expect(context.codingPath.map(\.stringValue).first == "groups")
        #expect(context.codingPath.count == 2)
    }

    @Test func identifiersCompareAndDescribeByRawValue() {
        let ids: [ActivityID] = ["busy", "at_lunch", "sick"]
        #expect(ids.sorted() == ["at_lunch", "busy", "sick"])
        #expect(RoleID.work.description == "work")
        #expect(RoleID(rawValue: "mobile") == .mobile)
        #expect(ContactID("c1").rawValue == "c1")
    }
}
