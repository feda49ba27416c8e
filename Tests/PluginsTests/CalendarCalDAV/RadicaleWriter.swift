import Foundation
import HubPluginTesting
import HubPluginSupport

/// Writes calendars and events as their owner, the way a calendar client would.
struct RadicaleWriter {
    let transport: any HTTPTransport
    let server: RadicaleServer

    func makeCalendar(owner: String, password: String) async throws {
        let response = try await transport.send(HTTPRequest(method: "MKCALENDAR", url: "\(server.baseURL)/\(owner)/calendar/", auth: .basic(user: owner, password: password)))
        guard response.status == 201 else { throw RadicaleError("MKCALENDAR for \(owner): HTTP \(response.status)") }
    }

    func put(owner: String, password: String, name: String, _ ics: String) async throws {
        let response = try await transport.send(HTTPRequest(
            method: "PUT", url: "\(server.baseURL)/\(owner)/calendar/\(name).ics",
            headers: [HTTPField("Content-Type", "text/calendar; charset=utf-8")], body: Data(ics.utf8), auth: .basic(user: owner, password: password)))
        guard (200..<300).contains(response.status) else {
            throw RadicaleError("PUT \(name) for \(owner): HTTP \(response.status) \(String(decoding: response.body, as: UTF8.self))")
        }
    }

    func delete(owner: String, password: String, name: String) async throws {
        let response = try await transport.send(HTTPRequest(method: "DELETE", url: "\(server.baseURL)/\(owner)/calendar/\(name).ics", auth: .basic(user: owner, password: password)))
        guard (200..<300).contains(response.status) else { throw RadicaleError("DELETE \(name): HTTP \(response.status)") }
    }
}

/// One VEVENT in a VCALENDAR, UTC times.
func calDAVEvent(_ uid: String, _ start: String, _ end: String, _ extra: [String] = [], overrides: [String] = []) -> String {
    ([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hub tests//EN",
        "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20261101T000000Z", "DTSTART:\(start)", "DTEND:\(end)",
    ] + extra + ["END:VEVENT"] + overrides + ["END:VCALENDAR", ""]).joined(separator: "\r\n")
}
