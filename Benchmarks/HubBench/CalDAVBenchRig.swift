import Foundation
import HubPluginTesting
import HubPluginSupport

/// A Radicale (Debian package, HubPluginTesting's ``RadicaleServer``) on a free 127.0.0.1 port whose service
/// account may write, with `users` calendars of generated entries, for the `caldav` suite; ``stop()`` kills it
/// and removes its folder.
final class CalDAVBenchRig: Sendable {
    let server: RadicaleServer
    static let account = RadicaleServer.serviceAccount

    var port: Int { server.port }
    var template: String { server.calendarTemplate }
    /// Radicale's process id, for its CPU time.
    var pid: Int32 { server.pid }

    init() async throws {
        guard FileManager.default.isExecutableFile(atPath: RadicaleServer.executable) else {
            throw BenchError("\(RadicaleServer.executable) missing: run scripts/install-deps.sh (Debian package radicale)")
        }
        // One account reads and writes everything: the bench measures reads, not rights checks.
        server = try await RadicaleServer(users: [:], serviceAccountWrites: true)
    }

    /// Creates `users` calendars (`u0` …) with `events` entries each (one in four recurring), `parallel` writes at a time.
    func populate(users: Int, events: Int, http: CurlHTTPClient, parallel: Int = 8) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<parallel {
                group.addTask {
                    var user = worker
                    while user < users {
                        let base = "http://127.0.0.1:\(self.port)/u\(user)/calendar/"
                        // The principal collection first: Radicale creates it only for the logged-in user.
                        _ = try await http.send(HTTPRequest(method: "MKCOL", url: "http://127.0.0.1:\(self.port)/u\(user)/", auth: .basic(user: Self.account.user, password: Self.account.password)))
                        let made = try await http.send(HTTPRequest(method: "MKCALENDAR", url: base, auth: .basic(user: Self.account.user, password: Self.account.password)))
                        guard made.status == 201 else { throw BenchError("MKCALENDAR u\(user): HTTP \(made.status)") }
                        for event in 0..<events {
                            let response = try await http.send(HTTPRequest(
                                method: "PUT", url: base + "e\(event).ics", headers: [HTTPField("Content-Type", "text/calendar")],
                                body: Data(CalDAVBench.event(index: event).utf8), auth: .basic(user: Self.account.user, password: Self.account.password)))
                            guard (200..<300).contains(response.status) else { throw BenchError("PUT: HTTP \(response.status)") }
                        }
                        user += parallel
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    func stop() { server.stop() }
}
