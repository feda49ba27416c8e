/// Line settings of a serial port: baud rate, character size, parity, stop bits, flow control.
public struct SerialParameters: Sendable, Equatable, CustomStringConvertible {
    /// Parity bit.
    public enum Parity: String, Sendable, CaseIterable {
        /// No parity bit; odd, even, always 1 (mark) or always 0 (space).
        case none, odd, even, mark, space
    }

    /// Flow control (handshake).
    public enum FlowControl: String, Sendable, CaseIterable {
        /// None, software (XON/XOFF), RTS/CTS or DTR/DSR handshake.
        case none, xonxoff, rtscts, dtrdsr
    }

    /// Bits per second (any rate the driver accepts; 600 for old printer ports).
    public var baud: Int
    /// Data bits, 5-8.
    public var dataBits: Int
    /// Parity.
    public var parity: Parity
    /// Stop bits, 1 or 2.
    public var stopBits: Int
    /// Flow control.
    public var flowControl: FlowControl

    /// Creates parameters; the default is 9600 8N1 without flow control.
    public init(baud: Int = 9600, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1, flowControl: FlowControl = .none) {
        self.baud = baud
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
        self.flowControl = flowControl
    }

    /// `9600 8N1`, `600 8E1 rtscts`.
    public var description: String {
        let parityLetter = parity.rawValue.prefix(1).uppercased()
        return "\(baud) \(dataBits)\(parityLetter)\(stopBits)" + (flowControl == .none ? "" : " \(flowControl.rawValue)")
    }
}

/// Where stamps come from: a serial device, or a serial device server on the network.
public enum PortAddress: Sendable, Equatable, CustomStringConvertible {
    /// A device path such as `/dev/ttyUSB0`.
    case device(String)
    /// `tcp://host:port`, a serial device server in raw TCP mode.
    case tcp(host: String, port: Int)

    /// Parses `/dev/…` (any absolute path) or `tcp://host:port`; nil for anything else.
    public init?(_ text: String) {
        if text.hasPrefix("tcp://") {
            let rest = text.dropFirst(6)
            guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]), (1...65_535).contains(port)
            else { return nil }
            var host = String(rest[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty, !host.contains("/") else { return nil }
            self = .tcp(host: host, port: port)
        } else if text.hasPrefix("/"), text.count > 1, !text.utf8.contains(0) {
            self = .device(text)
        } else {
            return nil
        }
    }

    /// The address as written in settings.
    public var description: String {
        switch self {
        case let .device(path): path
        case let .tcp(host, port): "tcp://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        }
    }
}
