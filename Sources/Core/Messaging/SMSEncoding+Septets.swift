extension SMSEncoding {
    /// Fill bits that align septets after a user data header of `headerOctets` octets (UDHL included)
    /// to a septet boundary (3GPP TS 23.040 9.2.3.24): 1 for the 6-octet concatenation header.
    public static func fillBits(afterHeaderOctets headerOctets: Int) -> Int {
        (7 - (headerOctets * 8) % 7) % 7
    }

    /// Packs septets 8 into 7 octets, least significant bits first, after `fillBits` zero bits.
    public static func packSeptets(_ septets: [UInt8], fillBits: Int = 0) -> [UInt8] {
        var packed: [UInt8] = []
        packed.reserveCapacity((septets.count * 7 + fillBits + 7) / 8)
        var accumulator: UInt32 = 0
        var bits = max(0, min(fillBits, 6))
        for septet in septets {
            accumulator |= UInt32(septet & 0x7F) << UInt32(bits)
            bits += 7
            while bits >= 8 {
                packed.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { packed.append(UInt8(truncatingIfNeeded: accumulator)) }
        return packed
    }

    /// Unpacks `count` septets from `packed`, skipping `fillBits` leading bits; nil when the octets are
    /// too few for `count` septets.
    public static func unpackSeptets(_ packed: [UInt8], count: Int, fillBits: Int = 0) -> [UInt8]? {
        let fill = max(0, min(fillBits, 6))
        guard count >= 0, (count * 7 + fill + 7) / 8 <= packed.count else { return nil }
        var septets: [UInt8] = []
        septets.reserveCapacity(count)
        for index in 0..<count {
            let bit = fill + index * 7
            let octet = bit / 8
            let shift = bit % 8
            var value = UInt16(packed[octet]) >> UInt16(shift)
            if shift > 1, octet + 1 < packed.count { value |= UInt16(packed[octet + 1]) << UInt16(8 - shift) }
            septets.append(UInt8(value & 0x7F))
        }
        return septets
    }
}

extension SMSPart {
    /// TP-User-Data as on the air interface: the header, fill bits, then packed septets (GSM 7-bit);
    /// for UCS-2 the same as ``bytes``.
    public func userData(coding: SMSCoding) -> [UInt8] {
        switch coding {
        case .ucs2: bytes
        case .gsm7: header + SMSEncoding.packSeptets(body, fillBits: SMSEncoding.fillBits(afterHeaderOctets: header.count))
        }
    }
}
