import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Radicale (Debian package `radicale`) on 127.0.0.1 with its own config, users and storage in a
/// temporary folder; ``stop()`` ends it and removes the folder.
///
/// Users get read-write access to their own collections; the service account `hub` may read every
/// collection but write none, as a customer's admin would set it up (see the plugin README).
public final class RadicaleServer: @unchecked Sendable {
    /// The Debian package's server.
    public static let executable = "/usr/bin/radicale"
    /// The account the calendar plugins read with.
    public static let serviceAccount = (user: "hub", password: "hub-secret")

    /// The 127.0.0.1 port it listens on.
    public let port: Int
    /// Its config, users and storage.
    public let folder: URL
    private let process: Process

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// The template a plugin instance uses.
    public var calendarTemplate: String { "\(baseURL)/{user}/calendar/" }

    /// Radicale's process id (benchmarks read its CPU time).
    public var pid: Int32 { process.processIdentifier }

    /// Starts Radicale with `users` (name → password) plus the service account and waits until it answers;
    /// `serviceAccountWrites` lets the service account create and write every collection (for benchmarks
    /// that fill calendars for thousands of users).
    public init(users: [String: String], serviceAccountWrites: Bool = false) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw RadicaleError("\(Self.executable) is missing: `make test` installs it (scripts/install-deps.sh, Debian package radicale)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("radicale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try FreePort.next()
        let accounts = users.merging([Self.serviceAccount.user: Self.serviceAccount.password]) { a, _ in a }
        try accounts.map { "\($0.key):\($0.value)\n" }.sorted().joined().write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        try """
            [service-account]
            user: \(Self.serviceAccount.user)
            collection: .*
            permissions: \(serviceAccountWrites ? "RrWw" : "Rr")

            [owner-principal]
            user: .+
            collection: {user}
            permissions: RW

            [owner-calendars]
            user: .+
            collection: {user}/[^/]+
            permissions: rw

            [root]
            user: .+
            collection:
            permissions: R
            """.write(to: folder.appendingPathComponent("rights"), atomically: true, encoding: .utf8)
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
            level = warning
            """.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--config", folder.appendingPathComponent("config").path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let log = folder.appendingPathComponent("radicale.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        do {
            try await waitForListener()
        } catch {
            stop()
            throw error
        }
    }

    /// Stops the server and removes its folder.
    ///
    /// SIGKILL, because a child started from a test thread inherits that thread's blocked-signal mask and
    /// Radicale never sees SIGTERM; its storage is a throw-away folder, so nothing is lost.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Radicale's own log so far (for failure messages).
    public var log: String { (try? String(contentsOf: folder.appendingPathComponent("radicale.log"), encoding: .utf8)) ?? "" }

    private func waitForListener() async throws {
        for _ in 0..<200 {
            guard process.isRunning else { throw RadicaleError("radicale exited at start: \(log)") }
            if Self.canConnect(port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RadicaleError("radicale did not listen on \(port) within 10 s: \(log)")
    }

    private static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// Why the Radicale harness failed.
public struct RadicaleError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
