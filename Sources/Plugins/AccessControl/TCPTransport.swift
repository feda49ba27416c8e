#if canImport(Glibc)
import Glibc
#endif

/// A serial device server in raw TCP mode (`tcp://host:port`): connect, then read the stream as if it
/// were the serial line. Keepalive probes notice a device server that rebooted without closing.
struct TCPTransport: PortTransport {
    let host: String
    let port: Int
    let connectTimeout: Duration

    var summary: String { "tcp \(host):\(port)" }

    func open(wake: Int32) throws(PortFailure) -> any OpenPort {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, "\(port)", &hints, &list)
        guard status == 0, let first = list else {
            throw PortFailure(description: "tcp://\(host):\(port): cannot resolve host (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        var failure = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let candidate = entry {
            entry = candidate.pointee.ai_next
            let fd = socket(candidate.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                failure = SystemErrorText.current()
                continue
            }
            do throws(PortFailure) {
                try connect(fd, to: candidate.pointee, wake: wake)
                Self.enableKeepalive(fd)
                return DescriptorPort(descriptor: fd, summary: summary)
            } catch {
                _ = Glibc.close(fd)
                failure = error.description
            }
        }
        throw PortFailure(description: "tcp://\(host):\(port): \(failure)")
    }

    private func connect(_ fd: Int32, to address: addrinfo, wake: Int32) throws(PortFailure) {
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) == 0 { return }
        guard errno == EINPROGRESS else { throw PortFailure(description: SystemErrorText.current()) }
        var fds = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let milliseconds = Int32(connectTimeout.components.seconds * 1000 + connectTimeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&fds, 2, milliseconds)
        guard ready > 0 else { throw PortFailure(description: ready == 0 ? "connect timed out after \(connectTimeout)" : SystemErrorText.current()) }
        if fds[1].revents != 0 { throw PortFailure(description: "stopped while connecting") }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else { throw PortFailure(description: String(cString: strerror(error))) }
    }

    /// Probes after 10 s of silence, every 5 s, 3 times: a vanished peer is noticed within about 25 s.
    private static func enableKeepalive(_ fd: Int32) {
        var on: Int32 = 1
        var idle: Int32 = 10
        var interval: Int32 = 5
        var count: Int32 = 3
        let size = socklen_t(MemoryLayout<Int32>.size)
        setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, size)
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_KEEPIDLE, &idle, size)
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_KEEPINTVL, &interval, size)
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_KEEPCNT, &count, size)
    }
}
