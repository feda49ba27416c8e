import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair made by `socat`: the access-control system writes on `deviceEnd`, the hub
/// reads `hubEnd` (stable symlinks in a temporary folder). Stopped by the test that made it.
final class SocatPair: @unchecked Sendable {
    let folder: String
    let deviceEnd: String
    let hubEnd: String
    private var process: Process?

    /// Makes the folder; ``start()`` starts socat.
    init(label: String = "acs") throws {
        folder = NSTemporaryDirectory() + "hubtest-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        deviceEnd = folder + "/ttyACS"
        hubEnd = folder + "/ttyHUB"
    }

    /// The socat binary, or a failure that says how to install it.
    static func socat() throws -> String {
        let found = ["/usr/bin/socat", "/usr/local/bin/socat", "/bin/socat"].first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "socat is missing: `make test` installs it (scripts/install-deps.sh test)")
    }

    /// Starts socat and waits until both links exist.
    func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.socat())
        process.arguments = ["pty,raw,echo=0,link=\(deviceEnd)", "pty,raw,echo=0,link=\(hubEnd)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<500 {
            if FileManager.default.fileExists(atPath: deviceEnd), FileManager.default.fileExists(atPath: hubEnd) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw POSIXError(.ETIMEDOUT)
    }

    /// Kills socat (as if the cable were pulled) and waits until it is gone.
    func kill() async {
        guard let process, process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        for _ in 0..<500 where process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        // SIGKILL leaves socat's links behind; a new pair replaces them.
        try? FileManager.default.removeItem(atPath: deviceEnd)
        try? FileManager.default.removeItem(atPath: hubEnd)
        self.process = nil
    }

    /// Writes bytes on the access-control system's end.
    func write(_ bytes: [UInt8]) throws {
        let fd = open(deviceEnd, O_WRONLY | O_NOCTTY)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += written
        }
    }

    /// Writes text on the access-control system's end.
    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Stops socat and removes the folder.
    func remove() async {
        await kill()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
