import Foundation

/// A `hub serve` child process: started with its output in a log file, stopped with SIGTERM then SIGKILL.
final class HubProcess {
    let process: Process
    let port: Int
    let logPath: String

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Starts `hub serve` on 127.0.0.1:`port`.
    init(hub: String, dataDirectory: String, pluginsDirectory: String, port: Int, logPath: String) throws {
        guard FileManager.default.createFile(atPath: logPath, contents: nil),
            let log = FileHandle(forWritingAtPath: logPath)
        else { throw BenchError("cannot create \(logPath)") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: hub)
        process.arguments = [
            "serve", "--data-dir", dataDirectory, "--host", "127.0.0.1", "--port", String(port),
            "--plugins", pluginsDirectory, "--log-level", "warning",
        ]
        process.standardOutput = log
        process.standardError = log
        self.port = port
        self.logPath = logPath
        try process.run()
    }

    /// Resident memory of the process in KiB (`VmRSS`), and its peak (`VmHWM`).
    func residentMemory() -> (current: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kibibytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return line.split(separator: " ").compactMap { Int($0) }.first
        }
        guard let current = kibibytes("VmRSS"), let peak = kibibytes("VmHWM") else { return nil }
        return (current, peak)
    }

    /// The last lines of the hub's log, for error messages.
    func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// SIGTERM, up to `grace` for a clean exit, then SIGKILL; returns how it ended.
    @discardableResult
    func stop(grace: Duration = .seconds(10)) async -> String {
        guard process.isRunning else { return "already exited (status \(process.terminationStatus))" }
        process.terminate()
        let deadline = ContinuousClock.now + grace
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return "killed (no exit within \(grace) of SIGTERM)"
        }
        return "exited on SIGTERM (status \(process.terminationStatus))"
    }

    /// Runs a hub subcommand to completion and returns its standard output (its standard error goes to
    /// `errorLog`); throws on a non-zero exit.
    static func runCommand(hub: String, _ arguments: [String], errorLog: String) throws -> String {
        guard FileManager.default.createFile(atPath: errorLog, contents: nil),
            let errors = FileHandle(forWritingAtPath: errorLog)
        else { throw BenchError("cannot create \(errorLog)") }
        defer { try? errors.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hub)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
            throw BenchError("hub \(arguments.first ?? "") exited with \(process.terminationStatus): \(text)\(detail)")
        }
        return text
    }
}
