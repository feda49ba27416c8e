import Foundation
import Testing

@testable import HubCore

/// Explicit times: minutes after a fixed instant.
private let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)
private func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

private let anna: UserID = "anna"
private let bertil: UserID = "bertil"

private let automaticSources: [PresenceSource] = [.accessControl, .calendar, .sip, .apiClient]
private let manualSources: [PresenceSource] = [.user, .admin]

/// The change in `effects`, if any.
private func change(in effects: [PresenceEffect]) -> PresenceChange? {
    effects.lazy.compactMap { if case let .changed(change) = $0 { change } else { nil } }.first
}

/// Applies an update and fails the test on a validation error.
@discardableResult
private func apply(
    _ engine: inout PresenceEngine, _ update: PresenceUpdate, to user: UserID = anna, at now: Date
) throws -> [PresenceEffect] {
    try engine.handle(.update(user, update), at: now)
}

/// A door stamp "In" at `stampedAt` (minutes) that ends at `endsAt` (minutes), writing `note` if the note is empty.
private func stamp(_ activity: ActivityID = "at_office", at stampedAt: Double, endsAt: Double?, note: String? = "In (lobby)") -> PresenceUpdate {
    PresenceUpdate(
        activity: activity, noteIfEmpty: note, source: .accessControl, occurredAt: at(stampedAt), endsAt: endsAt.map(at))
}

@Suite("Presence engine (PRES-1..5, PRES-8)")
struct PresenceEngineTests {
    // MARK: Defaults and recording

    @Test func aUserNeverChangedHasTheDefaultPresence() {
        let engine = PresenceEngine()
        #expect(engine.presences.isEmpty)
        #expect(engine.presence(of: anna, at: at(3)) == Presence(
            activity: "available", role: .work, until: nil, note: "", online: false, idle: false, source: .admin,
            changedAt: at(3), revision: 0, lastManualAt: nil, pendingRevert: nil))
    }

    @Test func theDefaultFollowsTheCataloguesRevertActivity() throws {
        var catalogue = ActivityCatalogue.standard
        try catalogue.setRevertActivity("at_office")
        #expect(PresenceEngine(catalogue: catalogue).presence(of: anna, at: t0).activity == "at_office")
    }

    @Test(arguments: manualSources)
    func aManualChangeRecordsSourceTimeAndLastManual(_ source: PresenceSource) throws {
        var engine = PresenceEngine()
        let effects = try apply(&engine, PresenceUpdate(activity: "busy", source: source), at: at(1))
        let after = Presence(
            activity: "busy", source: source, changedAt: at(1), revision: 1, lastManualAt: at(1))
        #expect(effects == [.changed(PresenceChange(user: anna, before: nil, after: after, source: source, at: at(1), reason: .update))])
        #expect(engine.presences[anna] == after)
        #expect(engine.presence(of: anna, at: at(50)) == after)
    }

    @Test(arguments: PresenceSource.allCases)
    func everyChangeRecordsItsSourceAndTime(_ source: PresenceSource) throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .admin, occurredAt: at(0)), at: at(0))
        let effects = try apply(&engine, PresenceUpdate(activity: "in_meeting", source: source), at: at(5))
        let changed = try #require(change(in: effects))
        #expect(changed.source == source)
        #expect(changed.at == at(5))
        #expect(changed.reason == .update)
        #expect(changed.before?.activity == "busy")
        #expect(changed.after.activity == "in_meeting")
        #expect(changed.after.source == source)
        #expect(changed.after.changedAt == at(5))
        #expect(changed.after.revision == 2)
        #expect(changed.after.lastManualAt == (source.isManual ? at(5) : at(0)))
    }

    @Test func sourcesAreManualOrAutomatic() {
        #expect(PresenceSource.allCases.filter(\.isManual) == manualSources)
        #expect(PresenceSource.allCases.filter { !$0.isManual } == automaticSources)
    }

    @Test func aManualChangeRecordsWhenItOccurred() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user, occurredAt: at(-2)), at: at(0))
        #expect(engine.presences[anna]?.lastManualAt == at(-2))
        #expect(engine.presences[anna]?.changedAt == at(0))
    }

    @Test func lastManualAtNeverMovesBack() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), at: at(10))
        try apply(&engine, PresenceUpdate(activity: "sick", source: .admin, occurredAt: at(5)), at: at(12))
        #expect(engine.presences[anna]?.activity == "sick")
        #expect(engine.presences[anna]?.lastManualAt == at(10))
    }

    @Test func aTimeOfOccurrenceInTheFutureCountsAsNow() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user, occurredAt: at(600)), at: at(0))
        #expect(engine.presences[anna]?.lastManualAt == at(0))
        let effects = try apply(&engine, stamp(at: 1, endsAt: 60), at: at(1))
        #expect(change(in: effects)?.after.activity == "at_office", "a later stamp still applies")
    }

    @Test func roleNoteAndUntilAreRecorded() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(
            activity: "in_meeting", role: .mobile, until: .set(at(90)), note: .set("Back at 14:00"), source: .user), at: at(0))
        var presence = try #require(engine.presences[anna])
        #expect(presence.activity == "in_meeting")
        #expect(presence.role == .mobile)
        #expect(presence.until == at(90))
        #expect(presence.note == "Back at 14:00")
        #expect(presence.pendingRevert == nil, "a user's until-time is informative: no revert is scheduled")

        let effects = try apply(&engine, PresenceUpdate(until: .clear, note: .clear, source: .user), at: at(1))
        #expect(effects.count == 1, "no timer for informative until-times: \(effects)")
        presence = try #require(engine.presences[anna])
        #expect(presence.until == nil)
        #expect(presence.note == "")
        #expect(presence.activity == "in_meeting")
        #expect(presence.role == .mobile)
        #expect(presence.revision == 2)
    }

    @Test(arguments: [PresenceSource.user, .admin, .accessControl, .calendar])
    func aNewActivityWithoutAnUntilTimeDropsTheOldOne(_ source: PresenceSource) throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "in_meeting", until: .set(at(600)), source: .admin), at: at(0))
        try apply(&engine, PresenceUpdate(activity: "at_office", source: source, occurredAt: at(1)), at: at(1))
        #expect(engine.presences[anna]?.activity == "at_office")
        #expect(engine.presences[anna]?.until == nil, "the meeting's until-time does not describe being at the office")
    }

    @Test func theSameActivityOrANoteKeepsTheUntilTime() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "in_meeting", until: .set(at(600)), source: .user), at: at(0))
        try apply(&engine, PresenceUpdate(note: .set("Room 4"), source: .user), at: at(1))
        #expect(engine.presences[anna]?.until == at(600))
        try apply(&engine, PresenceUpdate(activity: "in_meeting", source: .user), at: at(2))
        #expect(engine.presences[anna]?.until == at(600), "reconfirming the activity keeps its until-time")
        try apply(&engine, PresenceUpdate(activity: "at_lunch", until: .set(at(60)), source: .user), at: at(3))
        #expect(engine.presences[anna]?.until == at(60))
    }

    @Test func anInformativeUntilTimeDoesNotChangePresenceWhenItPasses() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "at_lunch", until: .set(at(30)), source: .user), at: at(0))
        #expect(try engine.handle(.expire(anna), at: at(30)) == [])
        #expect(engine.presences[anna]?.activity == "at_lunch")
    }

    // MARK: Precedence (PRES-8)

    @Test(arguments: automaticSources, [-30.0, -1, 0])
    func anAutomaticChangeFromBeforeTheLastManualChangeIsIgnored(_ source: PresenceSource, _ offset: Double) throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", note: .set("mine"), source: .user), at: at(10))
        let before = engine.presences
        let late = PresenceUpdate(activity: "at_office", noteIfEmpty: "x", source: source, occurredAt: at(10 + offset), endsAt: at(70))
        #expect(try apply(&engine, late, at: at(11)) == [.ignored(anna, .olderThanManualChange)])
        #expect(engine.presences == before)
    }

    @Test(arguments: automaticSources)
    func anAutomaticChangeFromAfterTheLastManualChangeApplies(_ source: PresenceSource) throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), at: at(10))
        let effects = try apply(&engine, PresenceUpdate(activity: "at_office", source: source, occurredAt: at(10.5)), at: at(11))
        let changed = try #require(change(in: effects))
        #expect(changed.after.activity == "at_office")
        #expect(changed.after.source == source)
        #expect(changed.after.lastManualAt == at(10), "automatic changes leave lastManualAt alone")
        #expect(effects.count == 1)
    }

    @Test func anAutomaticChangeWithoutATimeOccursWhenApplied() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), at: at(10))
        #expect(try apply(&engine, PresenceUpdate(activity: "at_office", source: .sip), at: at(10)) == [.ignored(anna, .olderThanManualChange)])
        #expect(change(in: try apply(&engine, PresenceUpdate(activity: "at_office", source: .sip), at: at(11))) != nil)
    }

    @Test func manualChangesAlwaysApply() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), at: at(10))
        let effects = try apply(&engine, PresenceUpdate(activity: "sick", source: .admin, occurredAt: at(1)), at: at(11))
        #expect(change(in: effects)?.after.activity == "sick")
    }

    @Test func anAutomaticChangeThatHasAlreadyEndedIsIgnored() throws {
        var engine = PresenceEngine()
        #expect(try apply(&engine, stamp(at: -60, endsAt: -1), at: at(0)) == [.ignored(anna, .alreadyEnded)])
        #expect(try apply(&engine, stamp(at: -60, endsAt: 0), at: at(0)) == [.ignored(anna, .alreadyEnded)])
        #expect(engine.presences.isEmpty)
    }

    // MARK: Expiry (PRES-8, INT-ACS)

    @Test func aStampWithAnEndTimeSchedulesItsRevert() throws {
        var engine = PresenceEngine()
        let effects = try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let after = Presence(
            activity: "at_office", until: at(60), note: "In (lobby)", source: .accessControl, changedAt: at(0), revision: 1,
            pendingRevert: PendingRevert(at: at(60), revision: 1, source: .accessControl, noteWritten: "In (lobby)"))
        #expect(effects == [
            .changed(PresenceChange(user: anna, before: nil, after: after, source: .accessControl, at: at(0), reason: .update)),
            .wake(anna, at: at(60)),
        ])
    }

    @Test(arguments: [60.0, 61, 600])
    func atOrAfterTheEndPresenceRevertsIfNothingChanged(_ fired: Double) throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let before = try #require(engine.presences[anna])
        let effects = try engine.handle(.expire(anna), at: at(fired))
        let after = Presence(
            activity: "available", until: nil, note: "", source: .accessControl, changedAt: at(fired), revision: 2,
            pendingRevert: nil)
        #expect(effects == [
            .changed(PresenceChange(user: anna, before: before, after: after, source: .accessControl, at: at(fired), reason: .expired)),
        ])
        #expect(engine.presences[anna] == after)
        #expect(try engine.handle(.expire(anna), at: at(fired + 1)) == [], "a revert happens once")
    }

    @Test func theRevertGoesToTheCataloguesRevertActivity() throws {
        var catalogue = ActivityCatalogue.standard
        try catalogue.setRevertActivity("off_duty")
        var engine = PresenceEngine(catalogue: catalogue)
        try apply(&engine, PresenceUpdate(activity: "in_meeting", source: .calendar, endsAt: at(30)), at: at(0))
        let effects = try engine.handle(.expire(anna), at: at(30))
        #expect(change(in: effects)?.after.activity == "off_duty")
        #expect(change(in: effects)?.source == .calendar)
    }

    @Test func theRevertKeepsRoleOnlineAndIdle() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(role: .mobile, online: true, idle: true, source: .user), at: at(0))
        try apply(&engine, stamp(at: 1, endsAt: 60), at: at(1))
        _ = try engine.handle(.expire(anna), at: at(60))
        let presence = try #require(engine.presences[anna])
        #expect(presence.activity == "available")
        #expect(presence.role == .mobile)
        #expect(presence.online && presence.idle)
        #expect(presence.lastManualAt == at(0))
    }

    @Test(arguments: [0.0, 30, 59.99])
    func anExpiryBeforeTheEndChangesNothingAndAsksAgain(_ fired: Double) throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let before = engine.presences
        #expect(try engine.handle(.expire(anna), at: at(fired)) == [.wake(anna, at: at(60))])
        #expect(engine.presences == before)
        #expect(change(in: try engine.handle(.expire(anna), at: at(60)))?.reason == .expired)
    }

    @Test func anExpiryWithNothingPendingDoesNothing() throws {
        var engine = PresenceEngine()
        #expect(try engine.handle(.expire(anna), at: at(0)) == [])
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), at: at(0))
        let before = engine.presences
        #expect(try engine.handle(.expire(anna), at: at(100)) == [])
        #expect(engine.presences == before)
    }

    @Test func theStampsNoteIsClearedOnlyIfItIsStillThere() throws {
        let written = PendingRevert(at: at(60), revision: 4, source: .accessControl, noteWritten: "In (lobby)")
        for (note, expected) in [("In (lobby)", ""), ("In (lobby) – parked in B", "In (lobby) – parked in B"), ("", "")] {
            var engine = PresenceEngine(presences: [
                anna: Presence(activity: "at_office", note: note, source: .accessControl, changedAt: at(0), revision: 4, pendingRevert: written),
            ])
            _ = try engine.handle(.expire(anna), at: at(60))
            #expect(engine.presences[anna]?.note == expected, "note '\(note)'")
            #expect(engine.presences[anna]?.activity == "available")
        }
    }

    @Test func noteIfEmptyDoesNotOverwriteTheUsersNote() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(note: .set("Back at 3"), source: .user), at: at(0))
        let effects = try apply(&engine, stamp(at: 1, endsAt: 60), at: at(1))
        let after = try #require(change(in: effects)?.after)
        #expect(after.note == "Back at 3")
        #expect(after.activity == "at_office")
        #expect(after.pendingRevert?.noteWritten == nil)
        _ = try engine.handle(.expire(anna), at: at(60))
        #expect(engine.presences[anna]?.note == "Back at 3", "the revert never clears a note the stamp did not write")
        #expect(engine.presences[anna]?.activity == "available")
    }

    @Test func anEmptyNoteIfEmptyWritesNothing() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60, note: ""), at: at(0))
        #expect(engine.presences[anna]?.note == "")
        #expect(engine.presences[anna]?.pendingRevert?.noteWritten == nil)
    }

    @Test func aStampWithoutAnEndTimeStaysUntilChanged() throws {
        var engine = PresenceEngine()
        let effects = try apply(&engine, stamp(at: 0, endsAt: nil), at: at(0))
        #expect(effects.count == 1)
        #expect(engine.presences[anna]?.pendingRevert == nil)
        #expect(engine.presences[anna]?.until == nil)
        #expect(try engine.handle(.expire(anna), at: at(1000)) == [])
        #expect(engine.presences[anna]?.activity == "at_office")
    }

    @Test func anExplicitUntilTimeWinsOverTheEndTime() throws {
        var engine = PresenceEngine()
        let update = PresenceUpdate(activity: "on_vacation", until: .set(at(2000)), source: .calendar, endsAt: at(1440))
        let effects = try apply(&engine, update, at: at(0))
        #expect(engine.presences[anna]?.until == at(2000))
        #expect(effects.last == .wake(anna, at: at(1440)))
    }

    // MARK: Something changed since (PRES-8)

    @Test(arguments: manualSources)
    func aManualChangeSinceCancelsTheRevert(_ source: PresenceSource) throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let effects = try apply(&engine, PresenceUpdate(activity: "busy", source: source), at: at(5))
        #expect(effects.count == 2)
        #expect(effects.last == .cancelWake(anna))
        #expect(change(in: effects)?.after.pendingRevert == nil)
        #expect(try engine.handle(.expire(anna), at: at(60)) == [])
        #expect(engine.presences[anna]?.activity == "busy")
        #expect(engine.presences[anna]?.note == "In (lobby)", "the note is not cleared without a revert")
    }

    @Test func reconfirmingTheSameActivityStillCountsAsAChange() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let effects = try apply(&engine, PresenceUpdate(activity: "at_office", source: .user), at: at(5))
        #expect(effects.last == .cancelWake(anna))
        #expect(try engine.handle(.expire(anna), at: at(60)) == [])
        #expect(engine.presences[anna]?.activity == "at_office")
    }

    @Test(arguments: automaticSources)
    func anotherAutomaticChangeWithoutAnEndCancelsTheRevert(_ source: PresenceSource) throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let effects = try apply(&engine, PresenceUpdate(activity: "in_meeting", source: source), at: at(5))
        #expect(effects.count == 2)
        #expect(effects.last == .cancelWake(anna))
        #expect(try engine.handle(.expire(anna), at: at(60)) == [])
        #expect(engine.presences[anna]?.activity == "in_meeting")
    }

    @Test func aSecondAutomaticChangeWithAnEndReplacesThePendingRevert() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let effects = try apply(&engine, PresenceUpdate(activity: "in_meeting", source: .calendar, endsAt: at(90)), at: at(10))
        #expect(effects.count == 2)
        #expect(effects.last == .wake(anna, at: at(90)))
        let pending = try #require(engine.presences[anna]?.pendingRevert)
        #expect(pending.at == at(90))
        #expect(pending.source == .calendar)
        #expect(pending.revision == 2)
        #expect(engine.presences[anna]?.until == at(90))

        #expect(try engine.handle(.expire(anna), at: at(60)) == [.wake(anna, at: at(90))], "the first end no longer reverts")
        #expect(engine.presences[anna]?.activity == "in_meeting")
        let reverted = try #require(change(in: try engine.handle(.expire(anna), at: at(90))))
        #expect(reverted.after.activity == "available")
        #expect(reverted.source == .calendar)
        #expect(reverted.after.source == .calendar)
        #expect(reverted.after.note == "", "the stamp's note, still untouched, is cleared by the later revert")
    }

    @Test func aLaterStampMayReplaceANoteAnEarlierStampWrote() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        try apply(&engine, stamp("at_lunch", at: 10, endsAt: 40, note: "Lunch"), at: at(10))
        #expect(engine.presences[anna]?.note == "Lunch")
        #expect(engine.presences[anna]?.pendingRevert?.noteWritten == "Lunch")
        _ = try engine.handle(.expire(anna), at: at(40))
        #expect(engine.presences[anna]?.note == "")
        #expect(engine.presences[anna]?.activity == "available")
    }

    @Test func aNoteSetExplicitlyIsNotTheStamps() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let update = PresenceUpdate(activity: "at_lunch", note: .set("Lunch with client"), source: .apiClient, endsAt: at(40))
        try apply(&engine, update, at: at(10))
        #expect(engine.presences[anna]?.pendingRevert?.noteWritten == nil)
        _ = try engine.handle(.expire(anna), at: at(40))
        #expect(engine.presences[anna]?.note == "Lunch with client")
    }

    @Test func aRevisionMismatchAtExpiryDropsTheRevert() throws {
        let pending = PendingRevert(at: at(60), revision: 3, source: .accessControl, noteWritten: nil)
        var engine = PresenceEngine(presences: [
            anna: Presence(activity: "busy", source: .user, changedAt: at(30), revision: 4, pendingRevert: pending),
        ])
        #expect(try engine.handle(.expire(anna), at: at(60)) == [.ignored(anna, .changedSince)])
        #expect(engine.presences[anna]?.pendingRevert == nil)
        #expect(engine.presences[anna]?.activity == "busy")
        #expect(engine.presences[anna]?.revision == 4)
    }

    // MARK: Online and idle (PRES-5)

    @Test func onlineAndIdleDoNotCountAsPresenceChanges() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let stamped = try #require(engine.presences[anna])

        let online = try apply(&engine, PresenceUpdate(online: true, source: .user), at: at(5))
        #expect(online.count == 1, "no cancelWake: \(online)")
        var presence = try #require(change(in: online)?.after)
        #expect(presence.online)
        #expect(presence.revision == stamped.revision)
        #expect(presence.source == .accessControl)
        #expect(presence.changedAt == at(0))
        #expect(presence.lastManualAt == nil)
        #expect(presence.pendingRevert == stamped.pendingRevert)

        try apply(&engine, PresenceUpdate(idle: true, source: .sip), at: at(6))
        presence = try #require(engine.presences[anna])
        #expect(presence.idle && presence.online)
        #expect(presence.revision == stamped.revision)

        try apply(&engine, PresenceUpdate(online: false, source: .sip), at: at(7))
        presence = try #require(engine.presences[anna])
        #expect(!presence.online)
        #expect(!presence.idle, "going offline ends idle")

        #expect(change(in: try engine.handle(.expire(anna), at: at(60)))?.after.activity == "available")
    }

    @Test func idleRequiresOnline() throws {
        var engine = PresenceEngine()
        let both = PresenceUpdate(online: false, idle: true, source: .user)
        let error = #expect(throws: ValidationError.self) { try apply(&engine, both, at: at(0)) }
        #expect(error?.issues.map(\.path) == ["$.idle"])

        let offlineIdle = #expect(throws: ValidationError.self) {
            try apply(&engine, PresenceUpdate(idle: true, source: .sip), at: at(0))
        }
        #expect(offlineIdle?.issues.map(\.path) == ["$.idle"])
        #expect(engine.presences.isEmpty)

        try apply(&engine, PresenceUpdate(online: true, idle: true, source: .sip), at: at(1))
        #expect(engine.presences[anna]?.idle == true)
        try apply(&engine, PresenceUpdate(idle: false, source: .sip), at: at(2))
        #expect(engine.presences[anna]?.idle == false)
        #expect(engine.presences[anna]?.online == true)
    }

    @Test func anUpdateThatChangesNothingIsReported() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(online: true, source: .user), at: at(0))
        let before = engine.presences
        #expect(try apply(&engine, PresenceUpdate(online: true, source: .user), at: at(1)) == [.ignored(anna, .noChange)])
        #expect(try apply(&engine, PresenceUpdate(idle: false, source: .user), at: at(1)) == [.ignored(anna, .noChange)])
        #expect(engine.presences == before)
    }

    @Test func aFirstOnlineUpdateCreatesTheRecord() throws {
        var engine = PresenceEngine()
        let effects = try apply(&engine, PresenceUpdate(online: false, source: .sip), at: at(0))
        let changed = try #require(change(in: effects))
        #expect(changed.before == nil)
        #expect(changed.after.activity == "available")
        #expect(engine.presences[anna] != nil)
    }

    // MARK: Validation

    struct Refused: Sendable, CustomTestStringConvertible {
        var name: String
        var update: PresenceUpdate
        var paths: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Refused(name: "unknown activity", update: PresenceUpdate(activity: "gone_fishing", source: .user), paths: ["$.activity"]),
        Refused(name: "unknown role", update: PresenceUpdate(role: "night", source: .user), paths: ["$.role"]),
        Refused(name: "note too long", update: PresenceUpdate(note: .set(String(repeating: "n", count: 501)), source: .user),
                paths: ["$.note"]),
        Refused(name: "stamp note too long",
                update: PresenceUpdate(noteIfEmpty: String(repeating: "n", count: 501), source: .accessControl), paths: ["$.noteIfEmpty"]),
        Refused(name: "until in the past", update: PresenceUpdate(until: .set(at(-1)), source: .user), paths: ["$.until"]),
        Refused(name: "until now", update: PresenceUpdate(until: .set(at(0)), source: .user), paths: ["$.until"]),
        Refused(name: "end time from a user", update: PresenceUpdate(activity: "busy", source: .user, endsAt: at(60)),
                paths: ["$.endsAt"]),
        Refused(name: "end time from an admin", update: PresenceUpdate(activity: "busy", source: .admin, endsAt: at(60)),
                paths: ["$.endsAt"]),
        Refused(name: "idle while going offline", update: PresenceUpdate(online: false, idle: true, source: .sip), paths: ["$.idle"]),
        Refused(name: "nothing to change", update: PresenceUpdate(source: .user), paths: ["$"]),
        Refused(name: "nothing to change, automatic", update: PresenceUpdate(source: .calendar, endsAt: at(60)), paths: ["$"]),
        Refused(name: "several at once",
                update: PresenceUpdate(activity: "nope", role: "nope", note: .set(String(repeating: "x", count: 600)), source: .admin,
                                       endsAt: at(5)),
                paths: ["$.activity", "$.role", "$.note", "$.endsAt"]),
    ])
    func invalidUpdatesAreRefusedWithPaths(_ refused: Refused) throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), to: bertil, at: at(-10))
        let before = engine.presences
        let error = #expect(throws: ValidationError.self) { try apply(&engine, refused.update, at: at(0)) }
        #expect(error?.issues.map(\.path) == refused.paths)
        #expect(engine.presences == before, "a refused update changes nothing")
        #expect(throws: ValidationError.self) { try engine.validate(refused.update, at: at(0)) }
    }

    @Test func limitsAreInclusive() throws {
        var engine = PresenceEngine()
        let update = PresenceUpdate(note: .set(String(repeating: "n", count: 500)), source: .user)
        try engine.validate(update, at: at(0))
        try apply(&engine, update, at: at(0))
        #expect(engine.presences[anna]?.note.count == 500)
    }

    @Test func errorMessagesListWhatIsKnown() {
        let engine = PresenceEngine()
        let error = #expect(throws: ValidationError.self) {
            try engine.validate(PresenceUpdate(activity: "gone", role: "night", source: .user), at: at(0))
        }
        #expect(error?.issues.first?.reason == "unknown activity 'gone'; known: at_office, available, remote_work, sick, busy, at_lunch, in_meeting, off_duty, on_vacation")
        #expect(error?.issues.last?.reason == "unknown role 'night'; known: work, mobile")
    }

    @Test func aStampMayCarryAPastUntilWhenItHasAnEnd() throws {
        var engine = PresenceEngine()
        let update = PresenceUpdate(activity: "at_office", until: .set(at(-5)), source: .accessControl, endsAt: at(30))
        try engine.validate(update, at: at(0))
        try apply(&engine, update, at: at(0))
        #expect(engine.presences[anna]?.until == at(-5))
    }

    // MARK: Users are independent; removal

    @Test func usersAreIndependent() throws {
        var engine = PresenceEngine()
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), to: anna, at: at(10))
        let effects = try apply(&engine, stamp(at: 5, endsAt: 60), to: bertil, at: at(11))
        #expect(change(in: effects)?.user == bertil)
        #expect(engine.presences[bertil]?.activity == "at_office", "anna's manual change does not shield bertil")
        #expect(effects.last == .wake(bertil, at: at(60)))
        #expect(try engine.handle(.expire(anna), at: at(60)) == [])
        #expect(engine.presences[anna]?.activity == "busy")
    }

    @Test func removingAUserDropsPresenceAndTimer() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        try apply(&engine, PresenceUpdate(activity: "busy", source: .user), to: bertil, at: at(0))
        #expect(try engine.handle(.remove(anna), at: at(1)) == [.cancelWake(anna)])
        #expect(engine.presences[anna] == nil)
        #expect(try engine.handle(.remove(bertil), at: at(1)) == [])
        #expect(engine.presences.isEmpty)
        #expect(try engine.handle(.remove(anna), at: at(2)) == [])
        #expect(try engine.handle(.expire(anna), at: at(60)) == [])
        #expect(engine.presence(of: anna, at: at(61)).activity == "available")
    }

    @Test func presenceRoundTripsThroughJSON() throws {
        var engine = PresenceEngine()
        try apply(&engine, stamp(at: 0, endsAt: 60), at: at(0))
        let presence = try #require(engine.presences[anna])
        let data = try JSONEncoder().encode(presence)
        #expect(try JSONDecoder().decode(Presence.self, from: data) == presence)
    }
}
