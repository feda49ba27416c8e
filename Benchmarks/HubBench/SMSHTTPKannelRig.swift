import Foundation
import HubPluginTesting
#if canImport(Glibc)
import Glibc
#endif

/// bearerbox + smsbox + fakesmsc for the `sms-http` benchmark, with the tests' config template on free
/// ports in a temporary directory; ``stop()`` ends every process it started.
final class SMSHTTPKannelRig: @unchecked Sendable {
    let directory: String
    let adminPort: Int, sendsmsPort: Int
    private var processes: [Process] = []
    private let fakeInput = Pipe()

    var sendsmsURL: String { "http://127.0.0.1:\(sendsmsPort)/cgi-bin/sendsms" }

    init() throws {
        for tool in ["/usr/sbin/bearerbox", "/usr/sbin/smsbox", "/usr/lib/kannel/test/fakesmsc"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw BenchError("\(tool) is missing: `make test` installs it (Debian kannel, kannel-extras)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubbench-kannel-\(UInt32.random(in: 0 ... .max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let ports = try (0..<5).map { _ in try FreePort.next() }
        adminPort = ports[0]
        sendsmsPort = ports[3]
        let template = try String(contentsOfFile: "Tests/PluginsTests/Fixtures/kannel/kannel.conf.template", encoding: .utf8)
        let config = template.replacingOccurrences(of: "@ADMIN_PORT@", with: "\(ports[0])")
            .replacingOccurrences(of: "@SMSBOX_PORT@", with: "\(ports[1])").replacingOccurrences(of: "@FAKE_PORT@", with: "\(ports[2])")
            .replacingOccurrences(of: "@SENDSMS_PORT@", with: "\(ports[3])").replacingOccurrences(of: "@HUB_PORT@", with: "\(ports[4])")
            .replacingOccurrences(of: "@DIR@", with: directory)
        try config.write(toFile: directory + "/kannel.conf", atomically: true, encoding: .utf8)
    }

    func start() async throws {
        try launch("/usr/sbin/bearerbox", ["-v", "2", directory + "/kannel.conf"], output: "bearerbox.out")
        try await waitUntil(deadline: .seconds(15)) { Self.accepts(adminPort) }
        try launch("/usr/lib/kannel/test/fakesmsc", ["-H", "127.0.0.1", "-r", portOfFake, "-i", "0.01", "-m", "1000000"], output: "fakesmsc.out", input: fakeInput)
        try launch("/usr/sbin/smsbox", ["-v", "2", directory + "/kannel.conf"], output: "smsbox.out")
        try await waitUntil(deadline: .seconds(15)) { Self.accepts(sendsmsPort) }
        try await Task.sleep(for: .seconds(2))  // fakesmsc connects after bearerbox accepts the smsbox
    }

    private var portOfFake: String {
        let config = (try? String(contentsOfFile: directory + "/kannel.conf", encoding: .utf8)) ?? ""
        return config.split(separator: "\n").first { $0.hasPrefix("port = ") }.map { String($0.dropFirst(7)) } ?? "0"
    }

    /// How many MT lines fakesmsc has printed.
    var receivedCount: Int {
        let text = (try? String(contentsOfFile: directory + "/fakesmsc.out", encoding: .utf8)) ?? ""
        return text.components(separatedBy: "Got message ").count - 1
    }

    func stop() async {
        try? fakeInput.fileHandleForWriting.close()
        for process in processes.reversed() { await Self.terminate(process) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// SIGTERM, SIGKILL after 3 s; polls instead of `waitUntilExit`, which can stall in an async context.
    static func terminate(_ process: Process) async {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<60 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for _ in 0..<20 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
    }

    private func launch(_ path: String, _ arguments: [String], output: String, input: Pipe? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        _ = FileManager.default.createFile(atPath: directory + "/" + output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/" + output))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        processes.append(process)
    }


    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
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
