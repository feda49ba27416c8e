import Foundation
import Testing

@testable import HubCore

/// A user that passes validation; each case below breaks one rule.
private func validUser() -> User {
    User(
        id: "anna", firstName: "Anna", lastName: "Virtanen", profile: .desktopMobile,
        enterpriseNumber: try? PhoneNumber("010 123 4567"), mobileNumber: try? PhoneNumber("040 123 4567"),
        faxNumber: try? PhoneNumber("09 123 4567"), email: "anna.virtanen@acme.fi", company: "Acme Oy",
        department: "Customer Service", title: "Team Lead", keywords: ["invoices", "reception"],
        extraInfo: "Mon-Thu", groups: ["sales"], permissions: [.mainAdmin, .reporting], badgeIDs: ["B-1001"],
        calendar: "anna@acme.fi", showsRole: true)
}

/// One broken field and the JSON path(s) its issues must name.
struct UserCase: Sendable, CustomTestStringConvertible {
    var name: String
    var paths: [String]
    var edit: @Sendable (inout User) -> Void
    var testDescription: String { name }
}

private let userCases: [UserCase] = [
    UserCase(name: "empty first name", paths: ["$.firstName"]) { $0.firstName = "" },
    UserCase(name: "blank first name", paths: ["$.firstName"]) { $0.firstName = " \t " },
    UserCase(name: "empty last name", paths: ["$.lastName"]) { $0.lastName = "" },
    UserCase(name: "first name too long", paths: ["$.firstName"]) { $0.firstName = String(repeating: "a", count: 101) },
    UserCase(name: "last name too long", paths: ["$.lastName"]) { $0.lastName = String(repeating: "b", count: 101) },
    UserCase(name: "email without @", paths: ["$.email"]) { $0.email = "anna.acme.fi" },
    UserCase(name: "email with two @", paths: ["$.email"]) { $0.email = "anna@x@acme.fi" },
    UserCase(name: "email without local part", paths: ["$.email"]) { $0.email = "@acme.fi" },
    UserCase(name: "email domain without dot", paths: ["$.email"]) { $0.email = "anna@localhost" },
    UserCase(name: "email domain starts with dot", paths: ["$.email"]) { $0.email = "anna@.acme.fi" },
    UserCase(name: "email domain ends with dot", paths: ["$.email"]) { $0.email = "anna@acme.fi." },
    UserCase(name: "email with space", paths: ["$.email"]) { $0.email = "anna virtanen@acme.fi" },
    UserCase(name: "email with tab", paths: ["$.email"]) { $0.email = "anna\t@acme.fi" },
    UserCase(name: "email empty", paths: ["$.email"]) { $0.email = "" },
    UserCase(name: "email too long", paths: ["$.email"]) { $0.email = String(repeating: "a", count: 250) + "@acme.fi" },
    UserCase(name: "company too long", paths: ["$.company"]) { $0.company = String(repeating: "c", count: 201) },
    UserCase(name: "department too long", paths: ["$.department"]) { $0.department = String(repeating: "d", count: 201) },
    UserCase(name: "title too long", paths: ["$.title"]) { $0.title = String(repeating: "t", count: 201) },
    UserCase(name: "extra info too long", paths: ["$.extraInfo"]) { $0.extraInfo = String(repeating: "x", count: 2001) },
    UserCase(name: "too many keywords", paths: ["$.keywords"]) { $0.keywords = (0...50).map { "k\($0)" } },
    UserCase(name: "blank third keyword", paths: ["$.keywords[2]"]) { $0.keywords = ["a", "b", "  "] },
    UserCase(name: "overlong keyword", paths: ["$.keywords[0]"]) { $0.keywords = [String(repeating: "k", count: 101)] },
    UserCase(name: "empty badge id", paths: ["$.badgeIDs[1]"]) { $0.badgeIDs = ["B-1", ""] },
    UserCase(name: "overlong badge id", paths: ["$.badgeIDs[0]"]) { $0.badgeIDs = [String(repeating: "9", count: 65)] },
    UserCase(name: "duplicate badge id", paths: ["$.badgeIDs[2]"]) { $0.badgeIDs = ["B-1", "B-2", "B-1"] },
    UserCase(name: "mobile equals enterprise", paths: ["$.mobileNumber"]) { $0.mobileNumber = $0.enterpriseNumber },
    UserCase(name: "fax equals enterprise", paths: ["$.faxNumber"]) { $0.faxNumber = $0.enterpriseNumber },
    UserCase(name: "fax equals mobile", paths: ["$.faxNumber"]) { $0.faxNumber = $0.mobileNumber },
    UserCase(name: "all three equal", paths: ["$.mobileNumber", "$.faxNumber"]) {
        $0.mobileNumber = $0.enterpriseNumber
        $0.faxNumber = $0.enterpriseNumber
    },
    UserCase(name: "several fields at once, in field order", paths: ["$.firstName", "$.lastName", "$.email", "$.keywords[1]"]) {
        $0.lastName = ""
        $0.firstName = String(repeating: "a", count: 101)
        $0.keywords = ["ok", ""]
        $0.email = "nope"
    },
]

@Suite("User validation and JSON (DIR-4, DIR-5)")
struct UserValidationTests {
    @Test func aCompleteUserIsValid() throws {
        try validUser().validate()
    }

    @Test func aMinimalUserIsValid() throws {
        try User(id: "b", firstName: "B", lastName: "C", profile: .basic).validate()
    }

    @Test(arguments: [
        "a@b.c", "anna.virtanen@acme.fi", "first+tag@sub.example.com", String(repeating: "a", count: 240) + "@acme.fi",
    ])
    func acceptedEmails(_ email: String) throws {
        var user = validUser()
        user.email = email
        try user.validate()
    }

    @Test func boundaryLengthsAreAccepted() throws {
        var user = validUser()
        user.firstName = String(repeating: "a", count: 100)
        user.lastName = String(repeating: "ä", count: 100)
        user.company = String(repeating: "c", count: 200)
        user.department = String(repeating: "d", count: 200)
        user.title = String(repeating: "t", count: 200)
        user.extraInfo = String(repeating: "x", count: 2000)
        user.keywords = (0..<50).map { _ in String(repeating: "k", count: 100) }
        user.badgeIDs = [String(repeating: "9", count: 64)]
        try user.validate()
    }

    @Test(arguments: userCases)
    func eachRuleNamesItsField(_ testCase: UserCase) {
        var user = validUser()
        testCase.edit(&user)
        let error = #expect(throws: ValidationError.self) { try user.validate() }
        #expect(error?.issues.map(\.path) == testCase.paths)
        #expect(error?.issues.allSatisfy { !$0.reason.isEmpty } == true)
    }

    @Test func pathsAreRelativeToTheGivenRoot() {
        var user = validUser()
        user.keywords = ["a", "b", ""]
        user.email = "x"
        let error = #expect(throws: ValidationError.self) { try user.validate(path: "$.users[3]") }
        #expect(error?.issues.map(\.path) == ["$.users[3].email", "$.users[3].keywords[2]"])
        #expect(
            error?.description
                == "$.users[3].email: not an e-mail address (expected name@domain); $.users[3].keywords[2]: must be 1-100 characters")
    }

    @Test func decodingFillsOmittedListFieldsWithDefaults() throws {
        let json = #"{"id":"bertil","firstName":"Bertil","lastName":"Ek","profile":"smartphone_plus"}"#
        let user = try JSONDecoder().decode(User.self, from: Data(json.utf8))
        #expect(user == User(id: "bertil", firstName: "Bertil", lastName: "Ek", profile: .smartphonePlus))
        #expect(user.keywords == [] && user.groups == [] && user.permissions == [] && user.badgeIDs == [])
        #expect(user.showsRole == false)
        #expect(user.enterpriseNumber == nil && user.email == nil && user.calendar == nil)
    }

    @Test func decodingNormalisesNumbers() throws {
        let json = #"""
            {"id":"c","firstName":"C","lastName":"D","profile":"mobile","mobileNumber":"040-1234567",
             "permissions":["reporting","main_admin"],"showsRole":true}
            """#
        let user = try JSONDecoder().decode(User.self, from: Data(json.utf8))
        #expect(user.mobileNumber?.e164 == "+358401234567")
        #expect(user.permissions == [.reporting, .mainAdmin])
        #expect(user.showsRole)
    }

    @Test(arguments: [
        #"{"firstName":"A","lastName":"B","profile":"basic"}"#,
        #"{"id":"a","lastName":"B","profile":"basic"}"#,
        #"{"id":"a","firstName":"A","lastName":"B"}"#,
        #"{"id":"a","firstName":"A","lastName":"B","profile":"premium"}"#,
        #"{"id":"A B","firstName":"A","lastName":"B","profile":"basic"}"#,
        #"{"id":"a","firstName":"A","lastName":"B","profile":"basic","mobileNumber":"12345"}"#,
        #"{"id":"a","firstName":"A","lastName":"B","profile":"basic","permissions":["root"]}"#,
        #"{"id":"a","firstName":"A","lastName":"B","profile":"basic","groups":["Sales Team"]}"#,
    ])
    func decodingRejectsBadInput(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(User.self, from: Data(json.utf8)) }
    }

    @Test func encodingLeavesOutAbsentOptionalsAndSortsPermissions() throws {
        var user = User(id: "bertil", firstName: "Bertil", lastName: "Ek", profile: .fixed, permissions: [.supervisor, .mainAdmin])
        user.mobileNumber = try PhoneNumber("040 765 4321")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(user), as: UTF8.self)
        #expect(
            json == #"{"badgeIDs":[],"firstName":"Bertil","groups":[],"id":"bertil","keywords":[],"lastName":"Ek","#
                + #""mobileNumber":"+358407654321","permissions":["main_admin","supervisor"],"profile":"fixed","showsRole":false}"#)
    }

    @Test func aFullUserRoundTrips() throws {
        let user = validUser()
        let data = try JSONEncoder().encode(user)
        #expect(try JSONDecoder().decode(User.self, from: data) == user)
    }

    @Test func displayNameAndNumbers() throws {
        let user = validUser()
        #expect(user.displayName == "Anna Virtanen")
        #expect(user.numbers.map(\.e164) == ["+358101234567", "+358401234567", "+35891234567"])
        #expect(User(id: "x", firstName: "X", lastName: "Y", profile: .basic).numbers == [])
    }

    @Test func tenantStatusNeedsFiveUsersAndTwoMainAdmins() {
        func users(_ count: Int, admins: Int) -> [User] {
            (0..<count).map { index in
                User(id: UserID("u\(index)"), firstName: "U", lastName: "\(index)", profile: .desktop,
                     permissions: index < admins ? [.mainAdmin] : [])
            }
        }
        #expect(TenantStatus.of(users: users(5, admins: 2)) == .active)
        #expect(TenantStatus.of(users: users(9, admins: 3)) == .active)
        #expect(TenantStatus.of(users: users(4, admins: 2)) == .provisioning)
        #expect(TenantStatus.of(users: users(5, admins: 1)) == .provisioning)
        #expect(TenantStatus.of(users: [User]()) == .provisioning)
        #expect(Tenant.minimumUsers == 5 && Tenant.minimumMainAdmins == 2)
    }
}
