import Foundation

/// Reads one framed record: control bytes, checksum, encoding, the pattern's named groups, times.
struct FieldReader: Sendable {
    let format: StampFormat
    /// The named groups the pattern declares (asking a regex for a group it lacks is an error on Darwin).
    let groups: Set<String>

    init(format: StampFormat) {
        self.format = format
        groups = Self.namedGroups(in: format.pattern.pattern)
    }

    /// The stamp or problem a record gives; nil for a blank record.
    func read(_ raw: [UInt8], at now: Date) -> DecodeEvent? {
        var bytes = raw[...]
        while let first = bytes.first, Self.isBlank(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, Self.isBlank(last) { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return nil }
        // LF only joins the lines of a multi-line record; anywhere else a control byte is line noise.
        let joiner: UInt8 = format.linesPerRecord > 1 ? 0x0A : 0x09
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != joiner || $0 == 0x7F }) {
            return .problem(.garbage, sample: StampDecoder.printable(bytes))
        }
        if format.checksum == .xorHex {
            guard let data = Self.verifyXorHex(bytes) else { return .problem(.badChecksum, sample: StampDecoder.printable(bytes)) }
            bytes = data
        }
        guard let text = decode(bytes) else { return .problem(.badEncoding, sample: StampDecoder.printable(bytes)) }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = format.pattern.firstMatch(in: text, options: [.anchored], range: range), match.range == range else {
            return .problem(.noMatch, sample: String(text.prefix(80)))
        }
        func field(_ name: String) -> String? {
            guard groups.contains(name), let found = Range(match.range(withName: name), in: text) else { return nil }
            let value = text[found].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        guard let badge = field("badge") else { return .problem(.noMatch, sample: String(text.prefix(80))) }
        var stamp = Stamp(badge: badge, function: field("function"), reader: field("reader"), text: field("text"), record: text)
        if let pattern = format.timePattern {
            let written = [field("date"), field("time")].compactMap { $0 }
            if !written.isEmpty {
                guard let time = pattern.date(from: written.joined(separator: " "), now: now) else {
                    return .problem(.badTime, sample: String(text.prefix(80)))
                }
                stamp.time = time
            }
            if let endText = field("end") {
                guard var end = pattern.date(from: endText, now: now) else { return .problem(.badTime, sample: String(text.prefix(80))) }
                // A time of day at or before the stamp means the same time tomorrow (a night shift's end).
                if !pattern.hasDate, end <= stamp.time ?? now { end = end.addingTimeInterval(86_400) }
                stamp.end = end
            }
        }
        return .stamp(stamp)
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        switch format.encoding {
        case .utf8: String(validating: bytes, as: UTF8.self)
        case .latin1: String(bytes.map { Character(UnicodeScalar($0)) })
        case .ascii: bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : nil
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    /// The data before a valid two-hex-digit XOR checksum, or nil.
    static func verifyXorHex(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var values: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
            values.append(high << 4 | low)
            index += 2
        }
        guard let expected = values.popLast() else { return nil }
        return values.reduce(0, ^) == expected ? bytes.dropLast(2) : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Names declared as `(?<name>…)` in a pattern.
    static func namedGroups(in pattern: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(pattern)
        while let start = rest.range(of: "(?<") {
            let after = rest[start.upperBound...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty, after.dropFirst(name.count).first == ">" { names.insert(String(name)) }
            rest = after
        }
        return names
    }
}
