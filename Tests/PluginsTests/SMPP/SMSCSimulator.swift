import Foundation
import Testing

/// The Net::SMPP-based SMSC simulator (Tests/PluginsTests/Fixtures/smsc/smsc-sim.pl) on 127.0.0.1,
/// on a free port, logging what it receives to a file in its own temporary directory.
final class SMSCSimulator: @unchecked Sendable {
    let port: Int
    let directory: URL
    let logPath: String
    private let process: Process
    /// The simulator's stdin; closing it makes the simulator exit (also when the test process dies).
    private let input = Pipe()

    static let script = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/smsc/smsc-sim.pl").path

    /// Starts the simulator with extra `arguments`; fails the test if Perl's Net::SMPP is missing.
    init(_ arguments: [String] = []) throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["perl", "-MNet::SMPP", "-e", "1"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        try #require(
            check.terminationStatus == 0,
            "Perl module Net::SMPP is missing: `make test` installs it (Debian package libnet-smpp-perl, scripts/install-deps.sh)")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smsc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logPath = directory.appendingPathComponent("smsc.log").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["perl", Self.script, "--log", logPath] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // The first line is "LISTENING <port>".
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst("LISTENING ".count)) else {
            process.terminate()
            throw SimulatorError(description: "simulator did not start: '\(text)'")
        }
        self.port = port
    }

    /// Stops the simulator and removes its directory.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The log so far, one entry per line.
    var entries: [Entry] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap(Entry.init)
    }

    /// Entries of one event kind (`submit`, `bind`, `connect`, `deliver_sm_resp` …).
    func entries(_ event: String) -> [Entry] { entries.filter { $0.event == event } }

    /// One log line: `<time> <event> key=value …`.
    struct Entry: Sendable, CustomStringConvertible {
        var time: Double
        var event: String
        var fields: [String: String]
        var description: String

        init?(_ line: Substring) {
            let words = line.split(separator: " ")
            guard words.count >= 2, let time = Double(words[0]) else { return nil }
            self.time = time
            event = String(words[1])
            fields = Dictionary(words.dropFirst(2).compactMap { word -> (String, String)? in
                guard let equals = word.firstIndex(of: "=") else { return nil }
                return (String(word[..<equals]), String(word[word.index(after: equals)...]))
            }, uniquingKeysWith: { _, last in last })
            description = String(line)
        }

        subscript(_ key: String) -> String? { fields[key] }
    }

    struct SimulatorError: Error, CustomStringConvertible { var description: String }
}
