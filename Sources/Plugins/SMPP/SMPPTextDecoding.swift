import HubCore

/// Text of received user data by SMPP `data_coding` (SMPP 3.4 5.2.19, GSM 03.38 coding groups).
enum SMPPTextDecoding {
    /// Decodes `bytes` (no header) given `dataCoding`.
    static func decode(_ bytes: [UInt8], dataCoding: UInt8) throws(SMPPInboundError) -> String {
        switch alphabet(dataCoding) {
        case .gsm: return SMSEncoding.decodeGSM(bytes)
        case .ascii: return String(decoding: bytes.map { $0 & 0x7F }, as: UTF8.self)
        case .latin1: return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .ucs2:
            do { return try SMSEncoding.decodeUCS2(bytes) } catch { throw .badUserData(error) }
        case nil: throw .unsupportedDataCoding(dataCoding)
        }
    }

    enum Alphabet { case gsm, ascii, latin1, ucs2 }

    static func alphabet(_ dataCoding: UInt8) -> Alphabet? {
        switch dataCoding {
        case 0x00: return .gsm
        case 0x01: return .ascii
        case 0x03: return .latin1
        case 0x08: return .ucs2
        case 0xF0...0xFF: return dataCoding & 0x04 == 0 ? .gsm : nil
        case 0x10...0x3F:
            // General data coding group: bits 3-2 pick the alphabet.
            switch (dataCoding >> 2) & 0x03 {
            case 0: return .gsm
            case 2: return .ucs2
            default: return nil
            }
        default: return nil
        }
    }
}
