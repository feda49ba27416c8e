import Foundation
import HubPluginTesting
import Testing

/// Real Kannel for a test: bearerbox + smsbox + fakesmsc (Debian `kannel`, `kannel-extras`) with their own
/// config on free 127.0.0.1 ports in a temporary directory. ``stop()`` ends every process it started.
final class KannelHarness: @unchecked Sendable {
    static let bearerbox = "/usr/sbin/bearerbox"
    static let smsbox = "/usr/sbin/smsbox"
    static let fakesmsc = "/usr/lib/kannel/test/fakesmsc"

    let directory: TemporaryDirectory
    let adminPort: Int, smsboxPort: Int, fakePort: Int, sendsmsPort: Int
    /// The port the plugin's callback listener must use (the sms-service get-url points at it).
    let hubPort: Int
    private var bearerboxProcess: Process?
    private var smsboxProcess: Process?
    private var fakeProcess: Process?
    private var fakeInput: Pipe?
    private let lock = NSLock()

    var sendsmsURL: String { "http://127.0.0.1:\(sendsmsPort)/cgi-bin/sendsms" }

    /// Writes the config; starts nothing.
    init() throws {
        for tool in [Self.bearerbox, Self.smsbox, Self.fakesmsc] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw HarnessError("\(tool) is missing: `make test` installs it (Debian packages kannel and kannel-extras)")
        }
        directory = try TemporaryDirectory()
        adminPort = try FreePort.next()
        smsboxPort = try FreePort.next()
        fakePort = try FreePort.next()
        sendsmsPort = try FreePort.next()
        hubPort = try FreePort.next()
        let template = try String(contentsOf: Paths.repositoryRoot.appendingPathComponent("Tests/PluginsTests/Fixtures/kannel/kannel.conf.template"), encoding: .utf8)
        let config = template.replacingOccurrences(of: "@ADMIN_PORT@", with: "\(adminPort)")
            .replacingOccurrences(of: "@SMSBOX_PORT@", with: "\(smsboxPort)")
            .replacingOccurrences(of: "@FAKE_PORT@", with: "\(fakePort)")
            .replacingOccurrences(of: "@SENDSMS_PORT@", with: "\(sendsmsPort)")
            .replacingOccurrences(of: "@HUB_PORT@", with: "\(hubPort)")
            .replacingOccurrences(of: "@DIR@", with: directory.url.path)
        try directory.file("kannel.conf", config)
    }

    /// Starts bearerbox, fakesmsc and smsbox, and waits until smsbox answers and the fake SMSC is online.
    func start() async throws {
        try startBearerbox()
        try await waitForPort(adminPort)
        try startFakeSMSC()
        try startSmsbox()
        try await waitForPort(sendsmsPort)
        try await waitForOnline()
    }

    /// Polls bearerbox's status page (every 200 ms: each poll runs curl) until the fake SMSC is online.
    func waitForOnline() async throws {
        for _ in 0..<75 {
            if (try? status())?.contains("online") == true { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw HarnessError("fake SMSC not online within 15 s; bearerbox status: \((try? status()) ?? "none")")
    }

    func startBearerbox() throws {
        let process = try launch(Self.bearerbox, ["-v", "1", directory.path("kannel.conf")], output: "bearerbox.out")
        lock.withLock { bearerboxProcess = process }
    }

    func startSmsbox() throws {
        let process = try launch(Self.smsbox, ["-v", "1", directory.path("kannel.conf")], output: "smsbox.out")
        lock.withLock { smsboxProcess = process }
    }

    /// fakesmsc reads MO lines from stdin, which stays open (a pipe) so it keeps running.
    func startFakeSMSC() throws {
        let input = Pipe()
        let process = try launch(
            Self.fakesmsc, ["-H", "127.0.0.1", "-r", "\(fakePort)", "-i", "0.01", "-m", "100000"], output: "fakesmsc.out", input: input)
        lock.withLock {
            fakeProcess = process
            fakeInput = input
        }
    }

    /// Injects an incoming SMS through fakesmsc (`<from> <to> <type> <body>`).
    func injectMO(_ line: String) throws {
        guard let input = lock.withLock({ fakeInput }) else { throw HarnessError("fakesmsc is not running") }
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// What fakesmsc printed: `Got message N: <from to type text>` lines for each MT.
    var fakesmscOutput: String { (try? String(contentsOfFile: directory.path("fakesmsc.out"), encoding: .utf8)) ?? "" }

    /// A log file of the run (`smsbox.log`, `bearerbox.log`).
    func log(_ name: String) -> String { (try? String(contentsOfFile: directory.path(name), encoding: .utf8)) ?? "" }

    /// The MT lines fakesmsc received, as `from to type text`.
    var receivedMessages: [String] {
        fakesmscOutput.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "Got message "), let open = line[start.upperBound...].firstIndex(of: "<"),
                let close = line.lastIndex(of: ">")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    /// bearerbox's status page (`status.txt`).
    func status() throws -> String {
        let output = Pipe()
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "--max-time", "2", "http://127.0.0.1:\(adminPort)/status.txt?password=statuspw"]
        curl.standardOutput = output
        try curl.run()
        curl.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Stops bearerbox, then smsbox and fakesmsc: smsbox re-spawns itself 10 s after losing its bearerbox
    /// (a process this harness could not track) and fakesmsc exits, so both are stopped by their PIDs
    /// right after; ``start()`` brings all three back.
    func stopKannel() async {
        let processes = lock.withLock { () -> [Process?] in
            defer { smsboxProcess = nil; fakeProcess = nil; bearerboxProcess = nil }
            return [bearerboxProcess, smsboxProcess, fakeProcess]
        }
        try? lock.withLock { fakeInput }?.fileHandleForWriting.close()
        for process in processes { await Self.terminate(process) }
    }

    /// Stops every process this harness started, then removes the directory.
    func stop() async {
        await stopKannel()
        directory.remove()
    }

    /// SIGTERM, then SIGKILL after 3 s.
    static func terminate(_ process: Process?) async {
        guard let process, process.isRunning else { return }
        process.terminate()
        for _ in 0..<60 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func launch(_ path: String, _ arguments: [String], output: String, input: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        _ = FileManager.default.createFile(atPath: directory.path(output), contents: nil)
        let handle = try FileHandle(forWritingTo: directory.url.appendingPathComponent(output))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    private func waitForPort(_ port: Int) async throws {
        try await waitUntil(timeout: .seconds(15), "127.0.0.1:\(port) to accept") { Self.accepts(port) }
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A test fixture could not be set up.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
