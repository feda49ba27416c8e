/// Strict decoding for time-control configuration: an unknown key (a typo such as `nightmode`) is an error
/// naming the key, never silently ignored.
enum TimeControlDecoding {
    private struct Key: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// Throws if the object being decoded has a key outside `allowed`.
    static func refuseUnknownKeys<K: CodingKey & CaseIterable>(in decoder: any Decoder, allowed: K.Type) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let known = Set(K.allCases.map(\.stringValue))
        if let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) {
            let list = K.allCases.map(\.stringValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: container, debugDescription: "unknown key '\(unknown.stringValue)'; expected one of \(list)")
        }
    }
}
