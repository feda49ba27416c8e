import Foundation
import Testing

@testable import HubCore

/// Explicit times: minutes after a fixed instant.
private let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)
private func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

private let anna: UserID = "anna"

/// A meeting from `from` to `until` (minutes), writing `note` if the user's note is empty.
private func meeting(_ source: PresenceSource = .calendar, from: Double, until: Double, note: String? = "Budget review") -> PresenceUpdate {
    PresenceUpdate(
        activity: "in_meeting", until: .set(at(until)), noteIfEmpty: note, source: source, occurredAt: at(from), endsAt: at(until))
}

/// The change in `effects`, if any.
private func change(in effects: [PresenceEffect]) -> PresenceChange? {
    effects.lazy.compactMap { if case let .changed(change) = $0 { change } else { nil } }.first
}

/// An engine where `source` put anna in a meeting at 0 that ends at 60.
private func inMeeting(_ source: PresenceSource = .calendar) throws -> PresenceEngine {
    var engine = PresenceEngine()
    _ = try engine.handle(.update(anna, meeting(source, from: 0, until: 60)), at: at(0))
    return engine
}

@Suite("Presence lift: an automatic source ends its own change early (PRES-8)")
struct PresenceLiftTests {
    @Test(arguments: [PresenceSource.accessControl, .calendar, .sip, .apiClient])
    func aLiftRevertsTheSourcesChangeAtOnce(_ source: PresenceSource) throws {
        var engine = try inMeeting(source)
        let before = try #require(engine.presences[anna])
        #expect(before.pendingRevert?.source == source)

        let effects = try engine.handle(.lift(anna, source: source), at: at(10))
        let after = Presence(
            activity: "available", until: nil, note: "", source: source, changedAt: at(10), revision: 2, pendingRevert: nil)
        #expect(effects == [
            .changed(PresenceChange(user: anna, before: before, after: after, source: source, at: at(10), reason: .lifted)),
            .cancelWake(anna),
        ])
        #expect(engine.presences[anna] == after)
        #expect(try engine.handle(.expire(anna), at: at(60)) == [], "the revert timer is gone: nothing happens at the old end")
        #expect(try engine.handle(.lift(anna, source: source), at: at(11)) == [.ignored(anna, .changedSince)], "a lift happens once")
    }

    @Test func aLiftKeepsRoleOnlineIdleAndTheUsersOwnNote() throws {
        var engine = PresenceEngine()
        let own = PresenceUpdate(role: .mobile, note: .set("Back Monday"), online: true, idle: true, source: .user)
        _ = try engine.handle(.update(anna, own), at: at(-5))
        _ = try engine.handle(.update(anna, meeting(from: 0, until: 60)), at: at(0))
        #expect(engine.presences[anna]?.note == "Back Monday", "the calendar writes its note only into an empty note")

        let change = try #require(change(in: try engine.handle(.lift(anna, source: .calendar), at: at(10))))
        #expect(change.after.activity == "available" && change.after.until == nil)
        #expect(change.after.note == "Back Monday")
        #expect(change.after.role == .mobile && change.after.online && change.after.idle)
        #expect(change.after.lastManualAt == at(-5))
    }

    @Test func theSourcesOwnLaterChangeIsStillItsToLift() throws {
        var engine = try inMeeting()
        // The entry was moved: the calendar moved the end to 90 (a new revision, still the calendar's).
        _ = try engine.handle(.update(anna, meeting(from: 0, until: 90)), at: at(5))
        let effects = try engine.handle(.lift(anna, source: .calendar), at: at(10))
        #expect(effects.last == .cancelWake(anna))
        #expect(engine.presences[anna]?.activity == "available")
        #expect(engine.presences[anna]?.revision == 3)
    }

    @Test func anOnlineOrIdleChangeSinceDoesNotBlockTheLift() throws {
        var engine = try inMeeting()
        _ = try engine.handle(.update(anna, PresenceUpdate(online: true, idle: true, source: .user)), at: at(5))
        _ = try engine.handle(.lift(anna, source: .calendar), at: at(10))
        #expect(engine.presences[anna]?.activity == "available")
    }

    /// Changes made between the calendar's change (at 0) and the lift (at 10) that make it no longer the calendar's.
    static let changesSince: [(String, PresenceUpdate)] = [
        ("user sets an activity", PresenceUpdate(activity: "busy", source: .user)),
        ("user edits only the note", PresenceUpdate(note: .set("Call me on my mobile"), source: .user)),
        ("admin sets an until-time", PresenceUpdate(until: .set(at(45)), source: .admin)),
        ("door stamp with its own end", PresenceUpdate(activity: "at_office", noteIfEmpty: "In (lobby)", source: .accessControl, endsAt: at(120))),
        ("API client without an end", PresenceUpdate(activity: "remote_work", source: .apiClient)),
        ("SIP without an end", PresenceUpdate(role: .mobile, source: .sip)),
    ]

    @Test(arguments: changesSince)
    func aLiftAfterAnotherChangeIsIgnored(_ label: String, _ change: PresenceUpdate) throws {
        var engine = try inMeeting()
        _ = try engine.handle(.update(anna, change), at: at(5))
        let before = engine.presences

        #expect(try engine.handle(.lift(anna, source: .calendar), at: at(10)) == [.ignored(anna, .changedSince)], "\(label)")
        #expect(engine.presences == before, "\(label): nothing changed, no timer touched")
    }

    @Test func aManualChangeAfterTheLiftStillApplies() throws {
        var engine = try inMeeting()
        _ = try engine.handle(.lift(anna, source: .calendar), at: at(10))
        _ = try engine.handle(.update(anna, PresenceUpdate(activity: "at_lunch", source: .user)), at: at(10))
        #expect(engine.presences[anna]?.activity == "at_lunch")
    }

    @Test func aDoorStampStaysWhenTheCalendarLiftsAfterIt() throws {
        var engine = try inMeeting()
        _ = try engine.handle(.update(anna, PresenceUpdate(activity: "at_office", source: .accessControl, endsAt: at(120))), at: at(5))
        _ = try engine.handle(.lift(anna, source: .calendar), at: at(10))
        #expect(engine.presences[anna]?.pendingRevert?.source == .accessControl)
        #expect(engine.presences[anna]?.pendingRevert?.at == at(120), "the stamp's own revert is kept")
        #expect(change(in: try engine.handle(.expire(anna), at: at(120)))?.reason == .expired)
    }

    @Test func aLiftForAUserWithoutPresenceIsIgnored() throws {
        var engine = try inMeeting()
        #expect(try engine.handle(.lift("nobody", source: .calendar), at: at(10)) == [.ignored("nobody", .changedSince)])
        #expect(engine.presences["nobody"] == nil, "a lift never creates a presence")
        var empty = PresenceEngine()
        #expect(try empty.handle(.lift(anna, source: .calendar), at: at(0)) == [.ignored(anna, .changedSince)])
    }

    @Test func aLateLiftAfterTheNaturalEndIsANoOp() throws {
        var engine = try inMeeting()
        _ = try engine.handle(.expire(anna), at: at(60))
        let reverted = engine.presences
        #expect(try engine.handle(.lift(anna, source: .calendar), at: at(61)) == [.ignored(anna, .changedSince)])
        #expect(engine.presences == reverted)
    }

    @Test(arguments: [60.0, 60.5, 90])
    func aLiftAtOrAfterTheEndLeavesTheRevertToTheExpiry(_ minutes: Double) throws {
        var engine = try inMeeting()
        let before = engine.presences
        #expect(try engine.handle(.lift(anna, source: .calendar), at: at(minutes)) == [.ignored(anna, .alreadyEnded)])
        #expect(engine.presences == before, "the due timer still reverts it")
        #expect(change(in: try engine.handle(.expire(anna), at: at(minutes)))?.reason == .expired)
    }

    @Test(arguments: [PresenceSource.user, .admin])
    func aManualSourceCannotLift(_ source: PresenceSource) throws {
        var engine = try inMeeting()
        let before = engine.presences
        let error = #expect(throws: ValidationError.self) { try engine.handle(.lift(anna, source: source), at: at(10)) }
        #expect(error?.issues.map(\.path) == ["$.source"])
        #expect(engine.presences == before)
    }

    @Test func theReasonIsWrittenAsLifted() throws {
        var engine = try inMeeting()
        let change = try #require(change(in: try engine.handle(.lift(anna, source: .calendar), at: at(10))))
        let json = String(decoding: try JSONEncoder().encode(change), as: UTF8.self)
        #expect(json.contains(#""reason":"lifted""#))
        #expect(try JSONDecoder().decode(PresenceChange.self, from: Data(json.utf8)) == change)
    }
}
