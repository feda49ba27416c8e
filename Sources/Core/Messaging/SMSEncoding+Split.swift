extension SMSEncoding {
    /// The 8-bit-reference concatenation header (3GPP TS 23.040 9.2.3.24.1) with its length octet.
    public static func concatenationHeader(reference: UInt8, total: Int, sequence: Int) -> [UInt8] {
        [0x05, 0x00, 0x03, reference, UInt8(truncatingIfNeeded: total), UInt8(truncatingIfNeeded: sequence)]
    }

    /// Splits GSM septets into one part (≤ 160) or parts of ≤ 153 septets, keeping escape pairs together.
    static func splitGSM(_ septets: [UInt8], reference: UInt8) -> [SMSPart] {
        if septets.count <= SMSCoding.gsm7.singlePartCapacity {
            return [SMSPart(header: [], body: septets, units: septets.count)]
        }
        let capacity = SMSCoding.gsm7.concatenatedPartCapacity
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < septets.count {
            var end = min(start + capacity, septets.count)
            // An escape as the last septet of a part would orphan its extension code.
            if end < septets.count, endsInsideEscape(septets, start: start, end: end) { end -= 1 }
            chunks.append(septets[start..<end])
            start = end
        }
        return parts(chunks.map { (Array($0), $0.count) }, reference: reference)
    }

    /// Whether `septets[start..<end]` ends with an escape that starts an escape pair.
    private static func endsInsideEscape(_ septets: [UInt8], start: Int, end: Int) -> Bool {
        // Walk the chunk pair-wise, because 1B 1B is a pair too, so a trailing 1B may be a second half.
        var index = start
        var open = false
        while index < end {
            if septets[index] == gsmEscape {
                open = index + 1 >= end
                index += 2
            } else {
                open = false
                index += 1
            }
        }
        return open
    }

    /// Splits UTF-16 units into one part (≤ 70) or parts of ≤ 67 units, keeping surrogate pairs together.
    static func splitUCS2(_ units: [UInt16], reference: UInt8) -> [SMSPart] {
        if units.count <= SMSCoding.ucs2.singlePartCapacity {
            return [SMSPart(header: [], body: ucs2Bytes(units), units: units.count)]
        }
        let capacity = SMSCoding.ucs2.concatenatedPartCapacity
        var chunks: [([UInt8], Int)] = []
        var start = 0
        while start < units.count {
            var end = min(start + capacity, units.count)
            if end < units.count, UTF16.isLeadSurrogate(units[end - 1]) { end -= 1 }
            chunks.append((ucs2Bytes(units[start..<end]), end - start))
            start = end
        }
        return parts(chunks, reference: reference)
    }

    private static func parts(_ chunks: [([UInt8], Int)], reference: UInt8) -> [SMSPart] {
        chunks.enumerated().map { index, chunk in
            SMSPart(
                header: concatenationHeader(reference: reference, total: chunks.count, sequence: index + 1),
                body: chunk.0, units: chunk.1)
        }
    }
}
