import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A serial device server stand-in: a TCP listener on 127.0.0.1 (free port) that accepts the plugin's
/// connection and writes stamps to it, as a Moxa/Lantronix box in raw TCP mode does.
final class LocalDeviceServer: @unchecked Sendable {
    private let listener: Int32
    private var client: Int32 = -1
    /// The port it listens on.
    let port: Int

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(listener, pointer, length) == 0, listen(listener, 4) == 0 else { return -1 }
                return getsockname(listener, pointer, &length)
            }
        }
        guard bound == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)
    }

    /// Waits (polling) for the plugin to connect.
    func accept(timeout: Duration = .seconds(10)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let fd = Glibc.accept(listener, nil, nil)
            if fd >= 0 {
                client = fd
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw POSIXError(.ETIMEDOUT)
    }

    /// Writes to the connected plugin.
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard written == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Drops the connection, as a device server does when it reboots.
    func dropClient() {
        if client >= 0 { close(client) }
        client = -1
    }

    /// Stops listening.
    func stop() {
        dropClient()
        close(listener)
    }
}
