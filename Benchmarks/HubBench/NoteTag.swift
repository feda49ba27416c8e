/// The notes a stream benchmark phase writes (`<tag>-<index>`, and `<tag>-stop` at the end) and how a
/// subscriber finds them in an event's JSON without decoding it.
struct NoteTag: Sendable {
    let tag: String
    private let needle: [UInt8]

    init(_ tag: String) {
        self.tag = tag
        needle = Array("\"note\":\"\(tag)-".utf8)
    }

    func note(_ index: Int) -> String { "\(tag)-\(index)" }

    var stopNote: String { "\(tag)-stop" }

    enum Match: Equatable {
        case update(Int)
        case stop
        case other
    }

    /// What an event's text says about this phase: an update's index, the stop note, or neither.
    func match(_ text: String) -> Match {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return .other }
            var position = 0
            search: while position + needle.count <= bytes.count {
                for offset in 0..<needle.count where bytes[position + offset] != needle[offset] {
                    position += 1
                    continue search
                }
                var cursor = position + needle.count
                var value = 0
                var digits = 0
                while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                    value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    digits += 1
                    cursor += 1
                }
                if digits > 0 { return .update(value) }
                return bytes[cursor...].starts(with: "stop\"".utf8) ? .stop : .other
            }
            return .other
        }
    }
}
