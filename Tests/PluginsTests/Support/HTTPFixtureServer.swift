import Dispatch
import Foundation
import Testing

/// The loopback fixture server (`Fixtures/HTTP/http_fixture_server.py`) started by one test and stopped
/// by it (also when the test fails, via `defer`); it also exits by itself when the test process dies.
final class HTTPFixtureServer: Sendable {
    let port: Int
    private let process: Process
    private let input: Pipe

    /// The base URL, `http://127.0.0.1:<port>`.
    var base: String { "http://127.0.0.1:\(port)" }

    static let script: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PluginsTests
        .appendingPathComponent("Fixtures/HTTP/http_fixture_server.py").path

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    /// Starts the server; `tls` = (certificate, key) PEM paths serves HTTPS. The blocking start runs on a
    /// dispatch queue, never on the test's cooperative threads (parallel tests would starve them).
    static func start(tls: (certificate: String, key: String)? = nil) async throws -> HTTPFixtureServer {
        let arguments = [script] + (tls.map { ["--tls", $0.certificate, $0.key] } ?? [])
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try launch(arguments) })
            }
        }
    }

    private static func launch(_ arguments: [String]) throws -> HTTPFixtureServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        // Kept open for the server's lifetime: the server exits when it reads EOF (we died).
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        do {
            try process.run()
        } catch {
            Issue.record("cannot start python3 for the HTTP fixture server (`make test` installs python3): \(error)")
            throw error
        }
        // The first line is "PORT <n>"; read byte by byte so nothing after it is consumed.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw FixtureError.noPort(text)
        }
        return HTTPFixtureServer(port: port, process: process, input: input)
    }

    /// Stops the server (SIGTERM; Foundation reaps it).
    func stop() {
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()
    }

    /// Stops the server and waits until it has exited (off the cooperative threads).
    func stopAndWait() async {
        stop()
        let process = self.process
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    deinit { stop() }

    /// Why the server could not start.
    enum FixtureError: Error {
        case noPort(String)
    }
}
