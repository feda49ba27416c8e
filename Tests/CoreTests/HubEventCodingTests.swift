import Foundation
import Testing

@testable import HubCore

private let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)

private func sampleChange() -> PresenceChange {
    let before = Presence(activity: "available", source: .admin, changedAt: t0, revision: 3)
    let after = Presence(
        activity: "in_meeting", role: .mobile, until: t0.addingTimeInterval(3600), note: "Board meeting", online: true, idle: false,
        source: .calendar, changedAt: t0.addingTimeInterval(60), revision: 4, lastManualAt: t0,
        pendingRevert: PendingRevert(at: t0.addingTimeInterval(3600), revision: 4, source: .calendar, noteWritten: "Board meeting"))
    return PresenceChange(user: "anna", before: before, after: after, source: .calendar, at: t0.addingTimeInterval(60), reason: .update)
}

private func encoded(_ event: HubEvent) throws -> [String: Any] {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let data = try encoder.encode(event)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

@Suite("Hub events on the wire")
struct HubEventCodingTests {
    @Test(arguments: [
        (HubEvent.Payload.presenceChanged(sampleChange()), "presence.changed"),
        (.userChanged("anna"), "user.changed"),
        (.userRemoved("bertil"), "user.removed"),
        (.catalogueChanged, "catalogue.changed"),
    ])
    func roundTripKeepsEveryField(_ payload: HubEvent.Payload, _ type: String) throws {
        let event = HubEvent(sequence: 42, tenant: "acme", at: t0, payload: payload)
        #expect(event.type == type)
        for (encoder, decoder) in coders() {
            let data = try encoder.encode(event)
            #expect(try decoder.decode(HubEvent.self, from: data) == event)
        }
        let object = try encoded(event)
        #expect(object["type"] as? String == type)
        #expect(object["sequence"] as? Int == 42)
        #expect(object["tenant"] as? String == "acme")
    }

    @Test func presenceChangedCarriesThePresenceObject() throws {
        let object = try encoded(HubEvent(sequence: 1, tenant: "acme", at: t0, payload: .presenceChanged(sampleChange())))
        #expect(Set(object.keys) == ["sequence", "tenant", "at", "type", "presence"])
        let presence = try #require(object["presence"] as? [String: Any])
        #expect(presence["user"] as? String == "anna")
        #expect(presence["source"] as? String == "calendar")
        #expect(presence["reason"] as? String == "update")
        let after = try #require(presence["after"] as? [String: Any])
        #expect(after["activity"] as? String == "in_meeting")
        #expect(after["role"] as? String == "mobile")
        #expect(after["note"] as? String == "Board meeting")
        #expect(after["source"] as? String == "calendar")
        #expect(object["at"] as? String == "2026-05-09T06:13:20Z")
    }

    @Test func userEventsCarryTheUserID() throws {
        let object = try encoded(HubEvent(sequence: 2, tenant: "acme", at: t0, payload: .userRemoved("bertil")))
        #expect(Set(object.keys) == ["sequence", "tenant", "at", "type", "user"])
        #expect(object["user"] as? String == "bertil")
    }

    @Test func anExpiryKeepsItsReason() throws {
        var change = sampleChange()
        change.reason = .expired
        change.source = .accessControl
        let event = HubEvent(sequence: 3, tenant: "acme", at: t0, payload: .presenceChanged(change))
        let object = try encoded(event)
        let presence = try #require(object["presence"] as? [String: Any])
        #expect(presence["reason"] as? String == "expired")
        #expect(presence["source"] as? String == "access_control")
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(HubEvent.self, from: data) == event)
    }

    @Test func anUnknownTypeIsRejected() {
        let json = #"{"sequence":1,"tenant":"acme","at":0,"type":"presence.exploded","user":"anna"}"#
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(HubEvent.self, from: Data(json.utf8)) }
        guard case let .dataCorrupted(context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == "unknown event type 'presence.exploded'")
        #expect(context.codingPath.map(\.stringValue) == ["type"])
    }

    @Test(arguments: [
        #"{"sequence":1,"tenant":"acme","at":0,"user":"anna"}"#,
        #"{"sequence":1,"tenant":"acme","at":0,"type":"user.changed"}"#,
        #"{"sequence":1,"tenant":"acme","at":0,"type":"presence.changed","user":"anna"}"#,
        #"{"sequence":-1,"tenant":"acme","at":0,"type":"user.changed","user":"anna"}"#,
        #"{"sequence":1,"tenant":"Acme Oy","at":0,"type":"user.changed","user":"anna"}"#,
        #"{"sequence":1,"tenant":"acme","at":0,"type":"user.changed","user":"Anna"}"#,
    ])
    func incompleteOrInvalidEventsAreRejected(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HubEvent.self, from: Data(json.utf8)) }
    }

    @Test func aHandWrittenEventDecodes() throws {
        let json = #"{"sequence":7,"tenant":"acme","at":"2026-05-09T06:13:20Z","type":"user.changed","user":"anna"}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let event = try decoder.decode(HubEvent.self, from: Data(json.utf8))
        #expect(event == HubEvent(sequence: 7, tenant: "acme", at: t0, payload: .userChanged("anna")))
    }

    private func coders() -> [(JSONEncoder, JSONDecoder)] {
        let plain = (JSONEncoder(), JSONDecoder())
        let iso = (JSONEncoder(), JSONDecoder())
        iso.0.dateEncodingStrategy = .iso8601
        iso.1.dateDecodingStrategy = .iso8601
        return [plain, iso]
    }
}
