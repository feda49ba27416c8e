import Foundation
import HubPluginTesting
import Testing

/// `Tests/PluginsTests/Fixtures/smtp/smtp_sink.py` (aiosmtpd) on 127.0.0.1 and a free port, for hub tests.
final class OutboxSMTPServer: @unchecked Sendable {
    struct Received {
        var messageID: String
        var recipients: String
    }

    let port: Int
    let directory: ScratchDirectory
    private let process: Process
    private let stdin = Pipe()

    init(arguments: [String] = []) throws {
        directory = try ScratchDirectory("smtp")
        port = try FreePort.next()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = HubProcess.repositoryRoot.appendingPathComponent("Tests/PluginsTests/Fixtures/smtp/smtp_sink.py").path
        process.arguments = ["python3", script, "--port", "\(port)", "--dir", directory.path] + arguments
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        let log = try directory.write("stderr.log", "")
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        var line = Data()
        while let byte = stdout.fileHandleForReading.readData(ofLength: 1).first, byte != UInt8(ascii: "\n") { line.append(byte) }
        guard String(decoding: line, as: UTF8.self).hasPrefix("READY") else {
            let problem = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            process.waitUntilExit()
            directory.remove()
            Issue.record("the aiosmtpd test server did not start: \(problem.suffix(300)); `make test` installs python3 and aiosmtpd")
            throw POSIXError(.ENOENT)
        }
    }

    /// Every message the server accepted, in order.
    func received() -> [Received] {
        let text = (try? String(contentsOfFile: directory.file("received.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Received(messageID: fields.first ?? "", recipients: fields.count > 2 ? fields[2] : "")
        }
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        directory.remove()
    }
}
