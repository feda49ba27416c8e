import CSerialPort

/// A hardware serial port opened through libserialport (USB adapters, on-board UARTs): it configures
/// baud, parity and flow control the portable way and knows the port's USB details.
struct LibSerialPortTransport: PortTransport {
    let path: String
    let serial: SerialParameters

    var summary: String { "libserialport \(path) \(serial)" }

    func open(wake: Int32) throws(PortFailure) -> any OpenPort {
        var handle: OpaquePointer?
        try Self.check(sp_get_port_by_name(path, &handle), "\(path)")
        guard let port = handle else { throw PortFailure(description: "\(path): libserialport returned no port") }
        do throws(PortFailure) {
            try Self.check(sp_open(port, SP_MODE_READ), "\(path): open")
            try Self.check(sp_set_baudrate(port, Int32(serial.baud)), "\(path): baud \(serial.baud)")
            try Self.check(sp_set_bits(port, Int32(serial.dataBits)), "\(path): \(serial.dataBits) data bits")
            try Self.check(sp_set_parity(port, Self.parity(serial.parity)), "\(path): parity \(serial.parity.rawValue)")
            try Self.check(sp_set_stopbits(port, Int32(serial.stopBits)), "\(path): \(serial.stopBits) stop bits")
            try Self.check(sp_set_flowcontrol(port, Self.flow(serial.flowControl)), "\(path): flow control \(serial.flowControl.rawValue)")
            var descriptor: Int32 = -1
            try Self.check(sp_get_port_handle(port, &descriptor), "\(path): handle")
            return SerialLibraryPort(port: port, descriptor: descriptor, summary: summary)
        } catch {
            sp_close(port)
            sp_free_port(port)
            throw error
        }
    }

    private static func check(_ result: sp_return, _ what: String) throws(PortFailure) {
        guard result.rawValue < 0 else { return }
        throw PortFailure(description: "\(what): \(lastError(result))")
    }

    /// libserialport's message for the last failure.
    static func lastError(_ result: sp_return) -> String {
        switch result {
        case SP_ERR_FAIL:
            guard let message = sp_last_error_message() else { return "failed" }
            defer { sp_free_error_message(message) }
            return String(cString: message)
        case SP_ERR_ARG: return "invalid argument or device not recognised by libserialport"
        case SP_ERR_MEM: return "out of memory"
        case SP_ERR_SUPP: return "not supported by this port or driver"
        default: return "error \(result.rawValue)"
        }
    }

    private static func parity(_ parity: SerialParameters.Parity) -> sp_parity {
        switch parity {
        case .none: SP_PARITY_NONE
        case .odd: SP_PARITY_ODD
        case .even: SP_PARITY_EVEN
        case .mark: SP_PARITY_MARK
        case .space: SP_PARITY_SPACE
        }
    }

    private static func flow(_ flow: SerialParameters.FlowControl) -> sp_flowcontrol {
        switch flow {
        case .none: SP_FLOWCONTROL_NONE
        case .xonxoff: SP_FLOWCONTROL_XONXOFF
        case .rtscts: SP_FLOWCONTROL_RTSCTS
        case .dtrdsr: SP_FLOWCONTROL_DTRDSR
        }
    }
}

/// A port libserialport opened; read with its non-blocking read, polled through its descriptor.
final class SerialLibraryPort: OpenPort {
    let descriptor: Int32
    let summary: String
    private var port: OpaquePointer?

    init(port: OpaquePointer, descriptor: Int32, summary: String) {
        self.port = port
        self.descriptor = descriptor
        self.summary = summary
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> PortRead {
        guard let port else { return .lost("closed") }
        let result = sp_nonblocking_read(port, buffer.baseAddress, buffer.count)
        if result.rawValue > 0 { return .bytes(Int(result.rawValue)) }
        if result.rawValue == 0 { return .empty }
        return .lost(LibSerialPortTransport.lastError(result))
    }

    func close() {
        guard let port else { return }
        self.port = nil
        sp_close(port)
        sp_free_port(port)
    }

    deinit { close() }
}

/// libserialport first, termios for what it refuses (pseudo-terminals, symlinks, odd drivers).
struct AutoTransport: PortTransport {
    let library: LibSerialPortTransport
    let termios: TermiosTransport

    var summary: String { "\(library.path) \(library.serial)" }

    func open(wake: Int32) throws(PortFailure) -> any OpenPort {
        do {
            return try library.open(wake: wake)
        } catch {
            do {
                return try termios.open(wake: wake)
            } catch let fallback {
                throw PortFailure(description: "\(fallback.description); libserialport: \(error.description)", isPermanent: fallback.isPermanent)
            }
        }
    }
}
