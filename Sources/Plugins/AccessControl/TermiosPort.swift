#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A device opened with POSIX termios: works on real ttys and on pseudo-terminals (socat pairs), which
/// libserialport 0.1.1 refuses.
struct TermiosTransport: PortTransport {
    let path: String
    let serial: SerialParameters

    var summary: String { "termios \(path) \(serial)" }

    func open(wake: Int32) throws(PortFailure) -> any OpenPort {
        guard let speed = Self.speed(serial.baud) else {
            throw PortFailure(description: "\(path): termios has no constant for \(serial.baud) baud; use driver = \"libserialport\"", isPermanent: true)
        }
        if serial.flowControl == .dtrdsr {
            throw PortFailure(description: "\(path): termios has no DTR/DSR flow control; use driver = \"libserialport\"", isPermanent: true)
        }
        let fd = Glibc.open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | Int32(O_CLOEXEC))
        guard fd >= 0 else { throw PortFailure(description: "\(path): \(SystemErrorText.current())") }
        var options = termios()
        guard tcgetattr(fd, &options) == 0 else {
            let reason = SystemErrorText.current()
            _ = Glibc.close(fd)
            throw PortFailure(description: "\(path): not a terminal device (\(reason))")
        }
        cfmakeraw(&options)
        cfsetispeed(&options, speed)
        cfsetospeed(&options, speed)
        options.c_cflag |= flag(CLOCAL) | flag(CREAD)
        options.c_cflag &= ~(flag(CSIZE) | flag(PARENB) | flag(PARODD) | flag(CSTOPB) | flag(CRTSCTS))
        options.c_cflag |= flag([5: CS5, 6: CS6, 7: CS7, 8: CS8][serial.dataBits] ?? CS8)
        switch serial.parity {
        case .none: break
        case .even: options.c_cflag |= flag(PARENB)
        case .odd: options.c_cflag |= (flag(PARENB) | flag(PARODD))
        case .mark: options.c_cflag |= (flag(PARENB) | flag(PARODD) | flag(CMSPAR))
        case .space: options.c_cflag |= (flag(PARENB) | flag(CMSPAR))
        }
        if serial.parity != .none { options.c_iflag |= flag(INPCK) }
        if serial.stopBits == 2 { options.c_cflag |= flag(CSTOPB) }
        switch serial.flowControl {
        case .none, .dtrdsr: break // dtrdsr was refused above
        case .rtscts: options.c_cflag |= flag(CRTSCTS)
        case .xonxoff: options.c_iflag |= (flag(IXON) | flag(IXOFF))
        }
        guard tcsetattr(fd, TCSANOW, &options) == 0 else {
            let reason = SystemErrorText.current()
            _ = Glibc.close(fd)
            throw PortFailure(description: "\(path): cannot apply \(serial) (\(reason))")
        }
        return DescriptorPort(descriptor: fd, summary: summary)
    }

    private func flag(_ value: some BinaryInteger) -> tcflag_t { tcflag_t(truncatingIfNeeded: value) }

    /// The termios speed constant for a baud rate.
    static func speed(_ baud: Int) -> speed_t? {
        let table: [Int: Int32] = [
            50: B50, 75: B75, 110: B110, 134: B134, 150: B150, 200: B200, 300: B300, 600: B600, 1200: B1200,
            1800: B1800, 2400: B2400, 4800: B4800, 9600: B9600, 19_200: B19200, 38_400: B38400, 57_600: B57600,
            115_200: B115200, 230_400: B230400, 460_800: B460800, 500_000: B500000, 576_000: B576000,
            921_600: B921600, 1_000_000: B1000000, 1_152_000: B1152000, 1_500_000: B1500000, 2_000_000: B2000000,
            2_500_000: B2500000, 3_000_000: B3000000, 3_500_000: B3500000, 4_000_000: B4000000,
        ]
        return table[baud].map { speed_t($0) }
    }
}

/// A port read through a plain file descriptor (termios devices, TCP sockets).
final class DescriptorPort: OpenPort {
    let descriptor: Int32
    let summary: String
    private var isOpen = true

    init(descriptor: Int32, summary: String) {
        self.descriptor = descriptor
        self.summary = summary
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> PortRead {
        let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        if count > 0 { return .bytes(count) }
        if count == 0 { return .lost("end of input (device closed or peer hung up)") }
        switch errno {
        case EAGAIN, EINTR: return .empty
        default: return .lost(SystemErrorText.current())
        }
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        _ = Glibc.close(descriptor)
    }

    deinit { close() }
}

/// The text of `errno`.
enum SystemErrorText {
    static func current() -> String {
        let code = errno
        return String(cString: strerror(code)) + " (errno \(code))"
    }
}
