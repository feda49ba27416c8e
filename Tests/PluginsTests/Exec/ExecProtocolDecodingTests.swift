import ExecPlugin
import Foundation
import HubCore
import HubPluginSupport
import Logging
import Testing

@Suite("ExecProtocol: child lines")
struct ExecProtocolDecodingTests {
    let at = Date(timeIntervalSince1970: 1_777_887_000)

    func decode(_ text: String) throws(ExecProtocol.LineError) -> ExecProtocol.ChildMessage {
        try ExecProtocol.decodeChildLine(Array(text.utf8))
    }

    @Test("a full presence line")
    func fullPresence() throws {
        let line = #"""
            {"type":"presence","id":"17","user":"anna.virtanen","activity":"in_meeting","role":"mobile","note":"Quarterly review",\#
            "until":"2026-05-04T10:30:00Z","ends_at":"2026-05-04T10:30:00+00:00","occurred_at":"2026-05-04T09:30:00Z",\#
            "online":true,"idle":false,"source":"calendar","extra":"ignored"}
            """#
        let expected = ExecProtocol.PresenceReport(
            id: "17", user: "anna.virtanen",
            update: PresenceUpdate(
                activity: "in_meeting", role: .mobile, until: .set(at.addingTimeInterval(3600)), note: .set("Quarterly review"),
                online: true, idle: false, source: .calendar, occurredAt: at, endsAt: at.addingTimeInterval(3600)))
        #expect(try decode(line) == .presence(expected))
    }

    @Test("a minimal presence line gets source api_client and no id")
    func minimalPresence() throws {
        let message = try decode(#"{"type":"presence","user":"ben","activity":"at_lunch"}"#)
        #expect(message == .presence(.init(id: nil, user: "ben", update: PresenceUpdate(activity: "at_lunch", source: .apiClient))))
    }

    @Test("null clears until and note; an empty note clears too; a null id is no id")
    func clearing() throws {
        let message = try decode(#"{"type":"presence","id":null,"user":"ben","until":null,"note":""}"#)
        #expect(message == .presence(.init(id: nil, user: "ben", update: PresenceUpdate(until: .clear, note: .clear, source: .apiClient))))
    }

    @Test("numeric ids and note_if_empty, online-only updates")
    func otherFields() throws {
        let message = try decode(#"{"type":"presence","id":42,"user":"ben","note_if_empty":"At the door","online":false}"#)
        #expect(message == .presence(.init(id: 42, user: "ben", update: PresenceUpdate(noteIfEmpty: "At the door", online: false, source: .apiClient))))
    }

    @Test("every automatic source is accepted", arguments: ["access_control", "calendar", "sip", "api_client"])
    func sources(name: String) throws {
        guard case let .presence(report) = try decode(#"{"type":"presence","user":"ben","activity":"away","source":"\#(name)"}"#) else {
            Issue.record("not a presence")
            return
        }
        #expect(report.update.source.rawValue == name)
    }

    @Test("log lines with every level name")
    func logs() throws {
        #expect(try decode(#"{"type":"log","level":"info","message":"ready"}"#) == .log(level: .info, message: "ready"))
        #expect(try decode(#"{"type":"log","level":"warn","message":"slow"}"#) == .log(level: .warning, message: "slow"))
        #expect(try decode(#"{"type":"log","level":"CRITICAL","message":""}"#) == .log(level: .critical, message: ""))
    }

    @Test("lines that are not protocol messages", arguments: [
        ("hello there", ExecProtocol.LineError.notJSON),
        ("{\"type\":\"presence\"", .notJSON),
        ("", .notJSON),
        ("[1,2,3]", .notAnObject),
        ("\"presence\"", .notAnObject),
        ("42", .notAnObject),
        ("{}", .missingType),
        (#"{"type":7}"#, .missingType),
        (#"{"user":"ben"}"#, .missingType),
        (#"{"type":"status","ok":true}"#, .unknownType("status")),
        (#"{"type":"Presence","user":"ben"}"#, .unknownType("Presence")),
    ])
    func notMessages(line: String, error: ExecProtocol.LineError) {
        #expect(throws: error) { try decode(line) }
    }

    @Test("invalid UTF-8 is not JSON")
    func invalidUTF8() {
        #expect(throws: ExecProtocol.LineError.notJSON) { try ExecProtocol.decodeChildLine([0x7B, 0xFF, 0x7D]) }
    }

    @Test("presence lines with missing or bad fields name the problem and keep the id", arguments: [
        (#"{"type":"presence","id":1,"activity":"away"}"#, "\"user\" is missing"),
        (#"{"type":"presence","id":1,"user":null,"activity":"away"}"#, "\"user\" is missing"),
        (#"{"type":"presence","id":1,"user":"ben"}"#, "nothing to change"),
        (#"{"type":"presence","id":1,"user":"Anna Virtanen","activity":"away"}"#, "\"user\" 'Anna Virtanen' must be"),
        (#"{"type":"presence","id":1,"user":42,"activity":"away"}"#, "\"user\" must be a string, not number"),
        (#"{"type":"presence","id":1,"user":"ben","activity":"In Meeting"}"#, "\"activity\" 'In Meeting'"),
        (#"{"type":"presence","id":1,"user":"ben","activity":["away"]}"#, "\"activity\" must be a string, not array"),
        (#"{"type":"presence","id":1,"user":"ben","role":"home office"}"#, "\"role\""),
        (#"{"type":"presence","id":1,"user":"ben","until":"tomorrow"}"#, "\"until\" 'tomorrow' is not an ISO 8601"),
        (#"{"type":"presence","id":1,"user":"ben","activity":"away","ends_at":"2026-05-04"}"#, "\"ends_at\""),
        (#"{"type":"presence","id":1,"user":"ben","activity":"away","occurred_at":1777887000}"#, "\"occurred_at\" must be a string"),
        (#"{"type":"presence","id":1,"user":"ben","online":"yes"}"#, "\"online\" must be true or false, not string"),
        (#"{"type":"presence","id":1,"user":"ben","idle":1}"#, "\"idle\" must be true or false"),
        (#"{"type":"presence","id":1,"user":"ben","activity":"away","source":"user"}"#, "\"source\" 'user' is not one of"),
        (#"{"type":"presence","id":1,"user":"ben","activity":"away","source":"admin"}"#, "\"source\" 'admin'"),
        (#"{"type":"presence","id":1,"user":"ben","activity":"away","source":"door"}"#, "\"source\" 'door'"),
        (#"{"type":"presence","id":1,"user":"ben","note":{"text":"x"}}"#, "\"note\" must be a string, not object"),
    ])
    func invalidPresence(line: String, reason: String) throws {
        do {
            _ = try decode(line)
            Issue.record("decoded \(line)")
        } catch {
            guard case let .invalid(type, id, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(type == "presence")
            #expect(id == 1)
            #expect(message.contains(reason), "\(message)")
            #expect(error.problem == .invalidMessage)
        }
    }

    @Test("a note over 500 characters is refused")
    func longNote() {
        let note = String(repeating: "n", count: 501)
        #expect(throws: ExecProtocol.LineError.invalid(type: "presence", id: nil, reason: "\"note\" is longer than 500 characters")) {
            try decode(#"{"type":"presence","user":"ben","note":"\#(note)"}"#)
        }
    }

    @Test("log lines with missing or bad fields", arguments: [
        (#"{"type":"log","message":"x"}"#, "\"level\" is missing"),
        (#"{"type":"log","level":"loud","message":"x"}"#, "'loud' is not a log level"),
        (#"{"type":"log","level":3,"message":"x"}"#, "\"level\" must be a string"),
        (#"{"type":"log","level":"info"}"#, "\"message\" is missing"),
        (#"{"type":"log","level":"info","message":["x"]}"#, "\"message\" must be a string"),
    ])
    func invalidLog(line: String, reason: String) {
        do {
            _ = try decode(line)
            Issue.record("decoded \(line)")
        } catch {
            guard case let .invalid(type, _, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(type == "log")
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test("problem kinds of each error")
    func problems() {
        #expect(ExecProtocol.LineError.notJSON.problem == .notJSON)
        #expect(ExecProtocol.LineError.notAnObject.problem == .notJSON)
        #expect(ExecProtocol.LineError.missingType.problem == .notJSON)
        #expect(ExecProtocol.LineError.unknownType("x").problem == .unknownType)
        #expect("\(ExecProtocol.LineError.unknownType("x"))" == "unknown type 'x'")
    }
}
