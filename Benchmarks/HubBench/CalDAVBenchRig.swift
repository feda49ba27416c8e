import Foundation
import HubPluginSupport

/// A Radicale (Debian package) on a free 127.0.0.1 port with `users` calendars of generated entries, for
/// the `caldav` suite; ``stop()`` kills it and removes its folder.
final class CalDAVBenchRig: @unchecked Sendable {
    static let executable = "/usr/bin/radicale"
    let port: Int
    let folder: URL
    private let process: Process

    var template: String { "http://127.0.0.1:\(port)/{user}/calendar/" }
    /// Radicale's process id, for its CPU time.
    var pid: Int32 { process.processIdentifier }

    init() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw BenchError("\(Self.executable) missing: run scripts/install-deps.sh (Debian package radicale)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("caldav-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        try "hub:hub\n".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        // One account reads and writes everything: the bench measures reads, not rights checks.
        try "[all]\nuser: .+\ncollection: .*\npermissions: RrWw\n".write(to: folder.appendingPathComponent("rights"), atomically: true, encoding: .utf8)
        try """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = htpasswd
            htpasswd_filename = \(folder.path)/users
            htpasswd_encryption = plain
            delay = 0
            [rights]
            type = from_file
            file = \(folder.path)/rights
            [storage]
            filesystem_folder = \(folder.path)/collections
            [web]
            type = none
            [logging]
            level = error
            """.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--config", folder.appendingPathComponent("config").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let _ = try? await Self.probe(port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        throw BenchError("radicale did not start on port \(port)")
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
                        _ = try await http.send(HTTPRequest(method: "MKCOL", url: "http://127.0.0.1:\(self.port)/u\(user)/", auth: .basic(user: "hub", password: "hub")))
                        let made = try await http.send(HTTPRequest(method: "MKCALENDAR", url: base, auth: .basic(user: "hub", password: "hub")))
                        guard made.status == 201 else { throw BenchError("MKCALENDAR u\(user): HTTP \(made.status)") }
                        for event in 0..<events {
                            let response = try await http.send(HTTPRequest(
                                method: "PUT", url: base + "e\(event).ics", headers: [HTTPField("Content-Type", "text/calendar")],
                                body: Data(CalDAVBench.event(index: event).utf8), auth: .basic(user: "hub", password: "hub")))
                            guard (200..<300).contains(response.status) else { throw BenchError("PUT: HTTP \(response.status)") }
                        }
                        user += parallel
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)  // a child of a Swift task thread does not see SIGTERM
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func probe(_ port: Int) async throws -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw BenchError("not listening") }
        return true
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 ? getsockname(fd, $0, &length) : -1 }
        }
        guard bound == 0 else { throw BenchError("cannot bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
