/// How an SMS text is encoded on the wire.
public enum SMSCoding: String, Sendable, Equatable, Codable, CaseIterable {
    /// GSM 03.38 default alphabet with its extension table (7-bit septets); SMPP `data_coding` 0.
    case gsm7
    /// UCS-2 (UTF-16 big-endian; surrogate pairs take two units); SMPP `data_coding` 8.
    case ucs2

    /// The SMPP `data_coding` value for this coding.
    public var dataCoding: UInt8 {
        switch self {
        case .gsm7: 0x00
        case .ucs2: 0x08
        }
    }

    /// Units (septets or UTF-16 code units) one unsplit SMS holds.
    public var singlePartCapacity: Int {
        switch self {
        case .gsm7: 160
        case .ucs2: 70
        }
    }

    /// Units one part of a concatenated SMS holds next to the 6-octet concatenation header.
    public var concatenatedPartCapacity: Int {
        switch self {
        case .gsm7: 153
        case .ucs2: 67
        }
    }
}

/// One SMS part as it goes to a gateway.
public struct SMSPart: Sendable, Equatable {
    /// The user data header including its length octet (`05 00 03 ref total seq`); empty for a single SMS.
    public var header: [UInt8]
    /// The text: GSM septet codes one per octet (unpacked, as SMPP carries them) or UTF-16BE octets.
    public var body: [UInt8]
    /// Septets (GSM, escape pairs count two) or UTF-16 code units (UCS-2) in the body.
    public var units: Int

    /// Creates a part.
    public init(header: [UInt8], body: [UInt8], units: Int) {
        self.header = header
        self.body = body
        self.units = units
    }

    /// Header then body: SMPP `short_message` for `data_coding` 0 or 8 (set esm_class UDHI when a header is present).
    public var bytes: [UInt8] { header + body }

    /// Whether the part carries a user data header (SMPP esm_class 0x40, TP-UDHI).
    public var hasHeader: Bool { !header.isEmpty }
}

/// How a text goes out as SMS: its coding and parts. Billing counts ``partCount``.
public struct SMSPlan: Sendable, Equatable {
    /// The coding of every part.
    public var coding: SMSCoding
    /// The parts in sending order; one part without header when the text fits a single SMS.
    public var parts: [SMSPart]

    /// Creates a plan.
    public init(coding: SMSCoding, parts: [SMSPart]) {
        self.coding = coding
        self.parts = parts
    }

    /// How many SMS the text costs.
    public var partCount: Int { parts.count }

    /// Septets or UTF-16 units of the whole text.
    public var units: Int { parts.reduce(0) { $0 + $1.units } }

    /// Whether the 8-bit concatenation header can number every part (at most 255).
    public var fitsConcatenation: Bool { parts.count <= SMSEncoding.maximumParts }
}

/// Pure SMS encoding: GSM 03.38 / UCS-2 choice, septet packing and concatenation (3GPP TS 23.038, 23.040).
///
/// ```swift
/// let plan = SMSEncoding.plan("Tila: Sisällä €")   // .gsm7, 1 part
/// for part in plan.parts { submit(shortMessage: part.bytes, dataCoding: plan.coding.dataCoding, udhi: part.hasHeader) }
/// ```
public enum SMSEncoding {
    /// The most parts an 8-bit-reference concatenation header can number.
    public static let maximumParts = 255

    /// Chooses GSM 03.38 when every character is in the default alphabet or its extension table, UCS-2
    /// otherwise, and splits long texts with 8-bit concatenation headers carrying `reference`.
    ///
    /// Texts over ``maximumParts`` parts still get every part (so the count is right), but
    /// ``SMSPlan/fitsConcatenation`` is false and their headers must not be sent.
    public static func plan(_ text: String, reference: UInt8 = 0) -> SMSPlan {
        if let septets = gsmSeptets(text) {
            return SMSPlan(coding: .gsm7, parts: splitGSM(septets, reference: reference))
        }
        return SMSPlan(coding: .ucs2, parts: splitUCS2(Array(text.utf16), reference: reference))
    }

    /// How many SMS `text` costs (the outbox's billing count).
    public static func partCount(_ text: String) -> Int { plan(text).partCount }
}
