import Foundation
import HubPluginTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Python's aiosmtpd running `Tests/PluginsTests/Fixtures/smtp/smtp_sink.py` on 127.0.0.1, a free port
/// and its own directory; ``stop()`` ends it (tests call it in `defer`).
final class SMTPSink: @unchecked Sendable {
    static let script = Paths.repositoryRoot.appendingPathComponent("Tests/PluginsTests/Fixtures/smtp/smtp_sink.py").path

    let port: Int
    let directory: TemporaryDirectory
    private let process: Process
    private let stdin: Pipe

    /// Starts the server; `extra` are further arguments (`--tls CERT KEY`, `--auth user:pw`, `--delay 0.01`).
    init(_ extra: [String] = []) throws {
        directory = try TemporaryDirectory()
        port = try FreePort.next()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--port", "\(port)", "--dir", directory.url.path] + extra
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        _ = FileManager.default.createFile(atPath: directory.path("stderr.log"), contents: nil)
        process.standardError = FileHandle(forWritingAtPath: directory.path("stderr.log")) ?? FileHandle.standardError
        try process.run()
        let line = String(decoding: stdout.fileHandleForReading.availableLine(), as: UTF8.self)
        guard line.hasPrefix("READY") else {
            process.waitUntilExit()
            let problem = (try? String(contentsOfFile: directory.path("stderr.log"), encoding: .utf8)) ?? ""
            throw SMTPSinkError(message: """
                the aiosmtpd test server did not start (\(problem.suffix(400))); `make test` installs python3 and \
                aiosmtpd (scripts/install-deps.sh test)
                """)
        }
    }

    /// Stops the server and removes its directory.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        directory.remove()
    }

    /// One line per received message: Message-ID, MAIL FROM, recipients, AUTH user, TLS.
    func received() -> [[String]] {
        let text = (try? String(contentsOfFile: directory.path("received.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The raw bytes of received message number `n` (1-based).
    func message(_ n: Int) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: directory.path("\(n).eml"))) }

}

/// Why the test SMTP server could not be used.
struct SMTPSinkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension FileHandle {
    /// Bytes up to the first newline (blocking), without it.
    func availableLine() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            guard let first = byte.first, first != UInt8(ascii: "\n") else { return line }
            line.append(first)
        }
    }
}
