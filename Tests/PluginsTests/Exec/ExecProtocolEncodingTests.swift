import ExecPlugin
import Foundation
import HubCore
import HubPluginSupport
import Testing

@Suite("ExecProtocol: hub lines")
struct ExecProtocolEncodingTests {
    let at = Date(timeIntervalSince1970: 1_777_887_000)

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("hello carries instance, tenant, config and limits")
    func hello() throws {
        let line = try ExecProtocol.helloLine(
            instance: "door-bridge", tenant: "acme", config: ["watch": "/tmp/x", "verbose": true, "retries": 3],
            limits: .init(maxLineBytes: 1024, maxLinesPerSecond: 50))
        #expect(text(line) == #"""
            {"config":{"retries":3,"verbose":true,"watch":"/tmp/x"},"instance":"door-bridge","limits":{"max_line_bytes":1024,"max_lines_per_second":50},"protocol":1,"tenant":"acme","type":"hello"}
            """# + "\n")
    }

    @Test("acks for every result", arguments: [
        (JSONValue?.some("17"), PluginOutputResult.applied, #"{"id":"17","result":"applied","type":"ack"}"#),
        (.some(42), .ignored(.olderThanManualChange), #"{"id":42,"reason":"older_than_manual_change","result":"ignored","type":"ack"}"#),
        (nil, .rejected("unknown user 'bob'"), #"{"reason":"unknown user 'bob'","result":"rejected","type":"ack"}"#),
        (.some(.object(["n": 1])), .applied, #"{"id":{"n":1},"result":"applied","type":"ack"}"#),
    ])
    func acks(id: JSONValue?, result: PluginOutputResult, expected: String) {
        #expect(text(ExecProtocol.ackLine(id: id, result: result)) == expected + "\n")
    }

    @Test("presence.changed events in the protocol's own shape")
    func presenceEvent() throws {
        let before = Presence(activity: "available", source: .user, changedAt: at.addingTimeInterval(-60))
        let after = Presence(
            activity: "in_meeting", until: at.addingTimeInterval(3600), note: "Review", online: true, source: .calendar,
            changedAt: at, revision: 7)
        let event = HubEvent(
            sequence: 42, tenant: "acme", at: at,
            payload: .presenceChanged(PresenceChange(user: "anna.virtanen", before: before, after: after, source: .calendar, at: at, reason: .update)))
        let line = try ExecProtocol.eventLine(event)
        #expect(text(line) == #"""
            {"at":"2026-05-04T09:30:00Z","before":{"activity":"available","changed_at":"2026-05-04T09:29:00Z","idle":false,"note":"","online":false,"role":"work","source":"user"},"presence":{"activity":"in_meeting","changed_at":"2026-05-04T09:30:00Z","idle":false,"note":"Review","online":true,"role":"work","source":"calendar","until":"2026-05-04T10:30:00Z"},"reason":"update","sequence":42,"source":"calendar","tenant":"acme","type":"presence.changed","user":"anna.virtanen"}
            """# + "\n")
    }

    @Test("user events carry only the user")
    func userEvents() throws {
        let changed = HubEvent(sequence: 1, tenant: "acme", at: at, payload: .userChanged("ben"))
        let removed = HubEvent(sequence: 2, tenant: "acme", at: at, payload: .userRemoved("ben"))
        #expect(text(try ExecProtocol.eventLine(changed)) == #"{"at":"2026-05-04T09:30:00Z","sequence":1,"tenant":"acme","type":"user.changed","user":"ben"}"# + "\n")
        #expect(text(try ExecProtocol.eventLine(removed)).contains(#""type":"user.removed""#))
    }

    @Test("what the hub writes, the protocol's own decoder reads as JSON objects")
    func linesAreJSON() throws {
        let line = ExecProtocol.ackLine(id: "a\"b\n", result: .rejected("quote \" and newline \n"))
        #expect(line.filter { $0 == 0x0A }.count == 1)
        let value = try JSONLines.decode(JSONValue.self, from: line.dropLast())
        #expect(value["id"] == "a\"b\n")
    }
}
