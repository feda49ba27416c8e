@testable import AccessControlPlugin
import Foundation
import HubCore
import HubPluginSupport
import Testing

/// Function and reader mapping, end times, note text, duplicates and badge forms.
@Suite("Access control: stamps become presence updates")
struct StampInterpreterTests {
    private func interpreter(_ preset: String = "semicolon", _ extra: (inout AccessControlPlugin.Settings) -> Void = { _ in }) throws -> StampInterpreter {
        StampInterpreter(configuration: try ACSFixtures.configuration(preset, extra: extra))
    }

    private let now = ACSFixtures.now

    @Test("functions map to activity, note and end; words ignore case and extra spaces", arguments: [
        ("IN", "at_office", "In", nil as TimeInterval?),
        ("lunch", "at_lunch", "Lunch", 45 * 60),
        ("Business  trip", "busy", "Business trip", 5 * 3600),
        ("OUT", "off_duty", "Out", nil),
    ])
    func functions(code: String, activity: String, note: String, endsIn: TimeInterval?) throws {
        var interpreter = try interpreter()
        let decision = interpreter.interpret(Stamp(badge: "1", function: code, record: ""), at: now)
        guard case let .apply(keys, update) = decision else {
            Issue.record("\(decision)")
            return
        }
        #expect(keys == ["1", "0000000001"])
        #expect(update.activity == ActivityID(activity))
        #expect(update.noteIfEmpty == note)
        #expect(update.note == nil)
        #expect(update.source == .accessControl)
        #expect(update.endsAt == endsIn.map { now.addingTimeInterval($0) })
    }

    @Test("the line's own time and end win over the mapping; a duration counts from the stamp's time")
    func lineTimes() throws {
        var interpreter = try interpreter()
        let time = now.addingTimeInterval(-600)
        guard case let .apply(_, lunch) = interpreter.interpret(Stamp(badge: "1", function: "LUNCH", time: time, record: ""), at: now) else {
            Issue.record("not applied")
            return
        }
        #expect(lunch.occurredAt == time)
        #expect(lunch.endsAt == time.addingTimeInterval(45 * 60))
        let end = now.addingTimeInterval(3600)
        guard case let .apply(_, own) = interpreter.interpret(Stamp(badge: "2", function: "LUNCH", end: end, text: "Dentist", record: ""), at: now)
        else {
            Issue.record("not applied")
            return
        }
        #expect(own.endsAt == end)
        #expect(own.noteIfEmpty == "Lunch")
    }

    @Test("the line's text is the note when the mapping has none; note = \"\" writes none")
    func noteText() throws {
        var interpreter = try interpreter {
            $0.functions = ["IN": FunctionMapping(activity: "at_office"), "OUT": FunctionMapping(activity: "off_duty", note: "")]
        }
        guard case let .apply(_, inUpdate) = interpreter.interpret(Stamp(badge: "1", function: "IN", text: "Door 3", record: ""), at: now),
            case let .apply(_, outUpdate) = interpreter.interpret(Stamp(badge: "1", function: "OUT", text: "Door 3", record: ""), at: now)
        else {
            Issue.record("not applied")
            return
        }
        #expect(inUpdate.noteIfEmpty == "Door 3")
        #expect(outUpdate.noteIfEmpty == nil)
    }

    @Test("repeats within the window are one stamp; after the window, or with another function, they count again")
    func duplicates() throws {
        var interpreter = try interpreter { $0.duplicateWindow = .init(.seconds(5)) }
        func decide(_ function: String, _ offset: TimeInterval) -> StampInterpreter.Decision {
            interpreter.interpret(Stamp(badge: "7", function: function, record: ""), at: now.addingTimeInterval(offset))
        }
        #expect(decide("IN", 0) != .duplicate)
        #expect(decide("in", 1) == .duplicate)
        #expect(decide("IN", 4) == .duplicate)
        #expect(decide("OUT", 4.5) != .duplicate)
        #expect(decide("IN", 9.5) != .duplicate)
    }

    @Test("readers give the function when the stamp has none; default_function covers plain readers; unmapped is a problem")
    func readersAndDefaults() throws {
        var doors = try interpreter("galaxy_log") {
            $0.functions = ["IN": FunctionMapping(activity: "at_office"), "OUT": FunctionMapping(activity: "off_duty")]
            $0.readers = ["30": "IN", "31": "OUT"]
        }
        guard case let .apply(_, entry) = doors.interpret(Stamp(badge: "020", reader: "30", record: ""), at: now),
            case let .apply(_, exit) = doors.interpret(Stamp(badge: "020", reader: "31", record: ""), at: now)
        else {
            Issue.record("not applied")
            return
        }
        #expect(entry.activity == "at_office")
        #expect(exit.activity == "off_duty")
        guard case .problem(.unmappedFunction, _) = doors.interpret(Stamp(badge: "020", reader: "99", record: ""), at: now) else {
            Issue.record("an unknown reader must be unmapped")
            return
        }
        var plain = try interpreter("wiegand_hex")
        guard case let .apply(keys, update) = plain.interpret(Stamp(badge: "A1B2C3", record: ""), at: now) else {
            Issue.record("not applied")
            return
        }
        #expect(update.activity == "at_office")
        #expect(keys == ["A1B2C3", "00A1B2C3", "10597059", "0010597059"])
        var csv = try interpreter("semicolon")
        guard case .problem(.unmappedFunction, let reason) = csv.interpret(Stamp(badge: "1", function: "COFFEE", record: ""), at: now) else {
            Issue.record("COFFEE must be unmapped")
            return
        }
        #expect(reason.contains("COFFEE"))
    }

    @Test("ignore = true: read and counted, no update")
    func ignored() throws {
        var interpreter = try interpreter("acc50_log")
        #expect(interpreter.interpret(Stamp(badge: "1", function: "invalid", record: ""), at: now) == .ignored(function: "invalid"))
    }

    @Test("badge forms", arguments: [
        ("A1B2C3", BadgeForm.Number.hex, ["as_read", "hex:8", "decimal:10"], ["A1B2C3", "00A1B2C3", "0010597059"]),
        ("0010597059", .decimal, ["as_read", "hex", "decimal"], ["0010597059", "A1B2C3", "10597059"]),
        ("00a1b2c3", .hex, ["as_read", "hex"], ["00a1b2c3", "A1B2C3"]),
        ("X-12", .text, ["as_read"], ["X-12"]),
        ("not-hex", .hex, ["as_read", "hex"], ["not-hex"]),
    ])
    func badgeForms(badge: String, number: BadgeForm.Number, forms: [String], expected: [String]) {
        #expect(BadgeForm.candidates(for: badge, number: number, forms: forms.compactMap(BadgeForm.init)) == expected)
    }

    @Test("until = HH:MM ends at the next such time in the configured zone", arguments: [
        ("2026-11-25 09:00:00", "2026-11-25 17:00:00"),
        ("2026-11-25 18:00:00", "2026-11-26 17:00:00"),
    ])
    func untilTimeOfDay(stamp: String, expected: String) throws {
        var interpreter = try interpreter()
        let time = try #require(ACSFixtures.date(stamp))
        guard case let .apply(_, update) = interpreter.interpret(Stamp(badge: "1", function: "BUSINESS TRIP", time: time, record: ""), at: time) else {
            Issue.record("not applied")
            return
        }
        #expect(update.endsAt == ACSFixtures.date(expected))
    }
}
