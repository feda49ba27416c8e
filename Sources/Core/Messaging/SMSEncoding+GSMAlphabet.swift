extension SMSEncoding {
    /// The escape septet that selects the extension table for the next septet.
    public static let gsmEscape: UInt8 = 0x1B

    /// GSM 03.38 default alphabet (3GPP TS 23.038 6.2.1), indexed by septet; 0x1B (escape) maps to nil.
    public static let gsmBasicTable: [Unicode.Scalar?] = {
        let table: [UInt32] = [
            0x40, 0xA3, 0x24, 0xA5, 0xE8, 0xE9, 0xF9, 0xEC, 0xF2, 0xC7, 0x0A, 0xD8, 0xF8, 0x0D, 0xC5, 0xE5,
            0x394, 0x5F, 0x3A6, 0x393, 0x39B, 0x3A9, 0x3A0, 0x3A8, 0x3A3, 0x398, 0x39E, 0x1B, 0xC6, 0xE6, 0xDF, 0xC9,
            0x20, 0x21, 0x22, 0x23, 0xA4, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F,
            0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
            0xA1, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
            0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0xC4, 0xD6, 0xD1, 0xDC, 0xA7,
            0xBF, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
            0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0xE4, 0xF6, 0xF1, 0xFC, 0xE0,
        ]
        return table.enumerated().map { index, value in index == Int(gsmEscape) ? nil : Unicode.Scalar(value) }
    }()

    /// The extension table (3GPP TS 23.038 6.2.1.1): septet after escape → character.
    public static let gsmExtensionTable: [UInt8: Unicode.Scalar] = [
        0x0A: "\u{0C}", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\",
        0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "\u{20AC}",
    ]

    /// Character → septet(s): one for the basic table, escape + code for the extension table.
    static let gsmEncodeTable: [Unicode.Scalar: [UInt8]] = {
        var table: [Unicode.Scalar: [UInt8]] = [:]
        for (code, scalar) in gsmBasicTable.enumerated() {
            if let scalar { table[scalar] = [UInt8(code)] }
        }
        for (code, scalar) in gsmExtensionTable { table[scalar] = [gsmEscape, code] }
        return table
    }()

    /// ASCII → septet (low byte) with 0x1B00 set for escape pairs; 0xFFFF where ASCII has no GSM character.
    /// Most texts are ASCII, so this array spares a dictionary lookup per character.
    static let gsmASCIITable: [UInt16] = (0..<128).map { value in
        guard let scalar = Unicode.Scalar(value), let codes = gsmEncodeTable[scalar] else { return 0xFFFF }
        return codes.count == 2 ? 0x1B00 | UInt16(codes[1]) : UInt16(codes[0])
    }

    /// The unpacked septets of `text` in the GSM 03.38 alphabet, or nil when a character is not in it.
    public static func gsmSeptets(_ text: String) -> [UInt8]? {
        var septets: [UInt8] = []
        septets.reserveCapacity(text.utf8.count)
        let ascii = gsmASCIITable
        for scalar in text.unicodeScalars {
            if scalar.value < 128 {
                let entry = ascii[Int(scalar.value)]
                if entry == 0xFFFF { return nil }
                if entry > 0xFF { septets.append(gsmEscape) }
                septets.append(UInt8(truncatingIfNeeded: entry))
                continue
            }
            guard let codes = gsmEncodeTable[scalar] else { return nil }
            septets.append(contentsOf: codes)
        }
        return septets
    }

    /// Whether every character of `text` is in the GSM 03.38 alphabet (basic or extension).
    public static func isGSMEncodable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { gsmEncodeTable[$0] != nil }
    }

    /// Decodes unpacked septets (bit 7 ignored). An escape before an undefined extension code yields the
    /// basic-table character, as TS 23.038 asks; a trailing escape yields a space.
    public static func decodeGSM(_ septets: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var escaped = false
        for raw in septets {
            let code = raw & 0x7F
            if escaped {
                escaped = false
                if let scalar = gsmExtensionTable[code] {
                    scalars.append(scalar)
                    continue
                }
                if code == gsmEscape {
                    // 1B 1B is reserved for a further extension table: show a space.
                    scalars.append(" ")
                    continue
                }
            } else if code == gsmEscape {
                escaped = true
                continue
            }
            scalars.append(gsmBasicTable[Int(code)] ?? " ")
        }
        if escaped { scalars.append(" ") }
        return String(scalars)
    }
}
