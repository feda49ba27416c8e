import Foundation
import HubCore
import Logging
import Synchronization

/// `Tests/PluginsTests/Fixtures/smsc/smsc-sim.pl` (Net::SMPP) on a free port, logging to a temp file.
final class SMPPBenchSimulator: @unchecked Sendable {
    static let passwordVariable = "HUBBENCH_SMPP_PASSWORD"
    let port: Int
    private let process = Process()
    private let input = Pipe()
    private let directory: URL

    init() throws {
        setenv(Self.passwordVariable, "hubpw", 1)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubbench-smsc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["perl", "Tests/PluginsTests/Fixtures/smsc/smsc-sim.pl", "--log", directory.appendingPathComponent("smsc.log").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst(10)) else {
            process.terminate()
            throw BenchError("SMSC simulator did not start ('\(text)'); run from the repository root with libnet-smpp-perl installed")
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// An outbox filled up front; stamps hand-out and report times (monotonic nanoseconds).
final class SMPPBenchOutbox: OutboundMessageQueue {
    private struct State {
        var pending: [OutboundMessage] = []
        var outcomes: [MessageID: (DeliveryOutcome, UInt64)] = [:]
        var handedOut: [MessageID: UInt64] = [:]
    }

    private let state = Mutex(State())

    init(_ messages: [OutboundMessage]) { state.withLock { $0.pending = messages.reversed() } }

    func next() async -> OutboundMessage? {
        while !Task.isCancelled {
            let now = Monotonic.now()
            let message: OutboundMessage? = state.withLock { state in
                let message = state.pending.popLast()
                if let message { state.handedOut[message.id] = now }
                return message
            }
            if let message { return message }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {
        let now = Monotonic.now()
        state.withLock { $0.outcomes[message] = (outcome, now) }
    }

    var outcomes: [MessageID: (DeliveryOutcome, UInt64)] { state.withLock { $0.outcomes } }

    var sendTimes: [UInt64] {
        state.withLock { state in state.outcomes.compactMap { id, value in state.handedOut[id].map { value.1 - $0 } } }
    }
}

/// Sink, directory and state store the gateway under benchmark does not need.
struct SMPPBenchNothing: PluginEventSink, DirectoryLookup, PluginStateStore {
    func submit(_ output: PluginOutput) async throws -> PluginOutputResult { .applied }
    func user(_ id: UserID) async -> User? { nil }
    func user(badge: String) async -> User? { nil }
    func user(calendar address: String) async -> User? { nil }
    func usersWithCalendars() async -> [User] { [] }
    func value(for key: String) async throws -> String? { nil }
    func set(_ value: String?, for key: String) async throws {}
}

extension PluginContext {
    /// A context for `sms_smpp` under benchmark (no logging, system clock).
    static func smppBench(outbox: SMPPBenchOutbox) -> PluginContext {
        PluginContext(
            instanceID: "bench", tenant: "acme", logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }, clock: .system,
            sink: SMPPBenchNothing(), directory: SMPPBenchNothing(), state: SMPPBenchNothing(),
            subscribe: { AsyncStream { $0.finish() } }, outbox: outbox)
    }
}
