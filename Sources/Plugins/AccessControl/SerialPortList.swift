import CSerialPort

/// The serial ports libserialport sees on this machine, for `hub plugins check`.
public enum SerialPortList {
    /// One line per port: name, transport, description and USB ids where known.
    public static func lines() -> [String] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let result = sp_list_ports(&list)
        guard result == SP_OK, let list else {
            return ["libserialport cannot list serial ports (\(LibSerialPortTransport.lastError(result)))"]
        }
        defer { sp_free_port_list(list) }
        var lines: [String] = []
        var index = 0
        while let port = list[index] {
            index += 1
            lines.append(describe(port))
        }
        return lines.isEmpty ? ["libserialport sees no serial ports"] : lines
    }

    private static func describe(_ port: OpaquePointer) -> String {
        let name = sp_get_port_name(port).map { String(cString: $0) } ?? "?"
        var parts: [String] = []
        switch sp_get_port_transport(port) {
        case SP_TRANSPORT_USB:
            var vendor: Int32 = 0
            var product: Int32 = 0
            if sp_get_port_usb_vid_pid(port, &vendor, &product) == SP_OK {
                parts.append("usb \(hex(vendor)):\(hex(product))")
            } else {
                parts.append("usb")
            }
        case SP_TRANSPORT_BLUETOOTH: parts.append("bluetooth")
        default: parts.append("native")
        }
        if let description = sp_get_port_description(port).map({ String(cString: $0) }), !description.isEmpty {
            parts.append(description)
        }
        return "serial port \(name) (\(parts.joined(separator: ", ")))"
    }

    private static func hex(_ value: Int32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
