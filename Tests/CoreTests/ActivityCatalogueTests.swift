import Foundation
import Testing

@testable import HubCore

struct BadCatalogue: Sendable, CustomTestStringConvertible {
    var name: String
    var activities: [Activity]
    var roles: [RoleID]
    var revert: ActivityID
    var paths: [String]
    var testDescription: String { name }
}

private let available = Activity(id: "available", name: "Available", availableForGroupCalls: true)

@Suite("Activity catalogue (PRES-1, PRES-2)")
struct ActivityCatalogueTests {
    private let meeting = Activity(id: "in_meeting", name: "In a meeting", availableForGroupCalls: false)

    @Test func theNineDefaultsInOrder() {
        let expected: [(String, Bool)] = [
            ("at_office", true), ("available", true), ("remote_work", true), ("sick", false), ("busy", false),
            ("at_lunch", false), ("in_meeting", false), ("off_duty", false), ("on_vacation", false),
        ]
        let catalogue = ActivityCatalogue.standard
        #expect(catalogue.activities.map(\.id.rawValue) == expected.map(\.0))
        #expect(catalogue.activities.map(\.availableForGroupCalls) == expected.map(\.1))
        #expect(catalogue.activities.allSatisfy { !$0.name.isEmpty })
        #expect(catalogue.roles == [.work, .mobile])
        #expect(catalogue.revertActivity == "available")
    }

    @Test(arguments: [
        ("at_office", true), ("available", true), ("remote_work", true), ("sick", false), ("busy", false),
        ("at_lunch", false), ("in_meeting", false), ("off_duty", false), ("on_vacation", false),
    ])
    func availabilityForGroupCalls(_ id: String, _ available: Bool) throws {
        let activity = try #require(ActivityCatalogue.standard.activity(ActivityID(id)))
        #expect(activity.availableForGroupCalls == available)
    }

    @Test func theStandardCataloguePassesValidation() throws {
        let standard = ActivityCatalogue.standard
        let rebuilt = try ActivityCatalogue(
            activities: standard.activities, roles: standard.roles, revertActivity: standard.revertActivity)
        #expect(rebuilt == standard)
        for activity in standard.activities { #expect(Slug.isValid(activity.id.rawValue)) }
    }

    @Test func lookups() {
        let catalogue = ActivityCatalogue.standard
        #expect(catalogue.activity("busy")?.name == "Busy")
        #expect(catalogue.activity("gone_fishing") == nil)
        #expect(catalogue.hasRole(.work) && catalogue.hasRole(.mobile))
        #expect(!catalogue.hasRole("night"))
    }

    @Test(arguments: [
        BadCatalogue(name: "no activities", activities: [], roles: [.work, .mobile], revert: "available",
                     paths: ["$.activities", "$.revertActivity"]),
        BadCatalogue(name: "revert activity missing", activities: [available], roles: [.work, .mobile], revert: "gone",
                     paths: ["$.revertActivity"]),
        BadCatalogue(name: "duplicate id", activities: [available, available], roles: [.work, .mobile], revert: "available",
                     paths: ["$.activities[1].id"]),
        BadCatalogue(name: "blank name", activities: [available, Activity(id: "x", name: "  ", availableForGroupCalls: false)],
                     roles: [.work, .mobile], revert: "available", paths: ["$.activities[1].name"]),
        BadCatalogue(name: "overlong name",
                     activities: [Activity(id: "available", name: String(repeating: "n", count: 81), availableForGroupCalls: true)],
                     roles: [.work, .mobile], revert: "available", paths: ["$.activities[0].name"]),
        BadCatalogue(name: "id that is not a slug",
                     activities: [available, Activity(id: "In Meeting", name: "In a meeting", availableForGroupCalls: false)],
                     roles: [.work, .mobile], revert: "available", paths: ["$.activities[1].id"]),
        BadCatalogue(name: "too many activities",
                     activities: [available] + (1...100).map { Activity(id: ActivityID("a\($0)"), name: "A", availableForGroupCalls: false) },
                     roles: [.work, .mobile], revert: "available", paths: ["$.activities"]),
        BadCatalogue(name: "work role missing", activities: [available], roles: [.mobile], revert: "available", paths: ["$.roles"]),
        BadCatalogue(name: "no roles", activities: [available], roles: [], revert: "available", paths: ["$.roles", "$.roles"]),
        BadCatalogue(name: "duplicate role", activities: [available], roles: [.work, .mobile, .work], revert: "available",
                     paths: ["$.roles"]),
        BadCatalogue(name: "role that is not a slug", activities: [available], roles: [.work, .mobile, "On Call"],
                     revert: "available", paths: ["$.roles[2]"]),
    ])
    func invalidCataloguesAreRefusedWithPaths(_ bad: BadCatalogue) {
        let error = #expect(throws: ValidationError.self) {
            try ActivityCatalogue(activities: bad.activities, roles: bad.roles, revertActivity: bad.revert)
        }
        #expect(error?.issues.map(\.path) == bad.paths)
    }

    @Test func boundaryCataloguesAreAccepted() throws {
        let hundred = [available] + (1..<100).map { Activity(id: ActivityID("a\($0)"), name: "A", availableForGroupCalls: false) }
        _ = try ActivityCatalogue(activities: hundred, roles: [.mobile, .work, "night"], revertActivity: "a5")
        let longName = Activity(id: "available", name: String(repeating: "n", count: 80), availableForGroupCalls: true)
        _ = try ActivityCatalogue(activities: [longName], roles: [.work, .mobile], revertActivity: "available")
    }

    @Test func upsertAddsAndReplaces() throws {
        var catalogue = ActivityCatalogue.standard
        try catalogue.upsert(Activity(id: "training", name: "In training", availableForGroupCalls: false))
        #expect(catalogue.activities.count == 10)
        #expect(catalogue.activities.last?.id == "training")
        try catalogue.upsert(Activity(id: "busy", name: "Do not disturb", availableForGroupCalls: false))
        #expect(catalogue.activities.count == 10)
        #expect(catalogue.activity("busy")?.name == "Do not disturb")
        #expect(catalogue.activities.firstIndex { $0.id == "busy" } == 4, "replacing keeps the position")
    }

    @Test func aRefusedUpsertLeavesTheCatalogueUnchanged() {
        var catalogue = ActivityCatalogue.standard
        let error = #expect(throws: ValidationError.self) {
            try catalogue.upsert(Activity(id: "busy", name: "", availableForGroupCalls: false))
        }
        #expect(error?.issues.map(\.path) == ["$.activities[4].name"])
        #expect(catalogue == .standard)
        #expect(throws: ValidationError.self) {
            try catalogue.upsert(Activity(id: "Bad Id", name: "Bad", availableForGroupCalls: false))
        }
        #expect(catalogue == .standard)
    }

    @Test func removeDeletesAnActivity() throws {
        var catalogue = ActivityCatalogue.standard
        try catalogue.remove("on_vacation")
        #expect(catalogue.activity("on_vacation") == nil)
        #expect(catalogue.activities.count == 8)
    }

    @Test func theRevertActivityCannotBeRemoved() {
        var catalogue = ActivityCatalogue.standard
        #expect(throws: ValidationError(path: "$.id", reason: "'available' is the revert activity and cannot be removed")) {
            try catalogue.remove("available")
        }
        #expect(catalogue == .standard)
    }

    @Test func removingAnUnknownActivityFails() {
        var catalogue = ActivityCatalogue.standard
        #expect(throws: ValidationError(path: "$.id", reason: "no activity 'gone_fishing' in the catalogue")) {
            try catalogue.remove("gone_fishing")
        }
        #expect(catalogue == .standard)
    }

    @Test func rolesMayGrowButMustKeepWorkAndMobile() throws {
        var catalogue = ActivityCatalogue.standard
        try catalogue.setRoles([.work, .mobile, "on_call"])
        #expect(catalogue.roles == [.work, .mobile, "on_call"])
        #expect(catalogue.hasRole("on_call"))

        for roles: [RoleID] in [[.work], [.mobile, "on_call"], [], [.work, .mobile, .mobile]] {
            let before = catalogue
            #expect(throws: ValidationError.self, "roles \(roles)") { try catalogue.setRoles(roles) }
            #expect(catalogue == before)
        }
        let error = #expect(throws: ValidationError.self) { try catalogue.setRoles([.mobile]) }
        #expect(error?.issues == [.init(path: "$.roles", reason: "must contain 'work'")])
    }

    @Test func theRevertActivityIsWhatTheCatalogueSays() throws {
        var catalogue = try ActivityCatalogue(
            activities: [available, meeting, Activity(id: "at_office", name: "At the office", availableForGroupCalls: true)],
            roles: [.work, .mobile], revertActivity: "at_office")
        #expect(catalogue.revertActivity == "at_office")
        try catalogue.remove("available")
        #expect(throws: ValidationError.self) { try catalogue.remove("at_office") }
    }

    @Test func jsonRoundTrip() throws {
        let data = try JSONEncoder().encode(ActivityCatalogue.standard)
        #expect(try JSONDecoder().decode(ActivityCatalogue.self, from: data) == .standard)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["revertActivity"] as? String == "available")
        #expect(object["roles"] as? [String] == ["work", "mobile"])
    }

    @Test func decodingValidates() {
        let json = #"""
            {"activities":[{"id":"busy","name":"Busy","availableForGroupCalls":false}],
             "roles":["work","mobile"],"revertActivity":"available"}
            """#
        let error = #expect(throws: ValidationError.self) {
            try JSONDecoder().decode(ActivityCatalogue.self, from: Data(json.utf8))
        }
        #expect(error?.issues.map(\.path) == ["$.revertActivity"])
        let noWork = #"{"activities":[{"id":"available","name":"A","availableForGroupCalls":true}],"roles":["mobile"],"revertActivity":"available"}"#
        #expect(throws: ValidationError.self) { try JSONDecoder().decode(ActivityCatalogue.self, from: Data(noWork.utf8)) }
    }
}
