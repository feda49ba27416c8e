import HubPluginSupport

/// A dotted path into a JSON value (`id`, `messages.0.id`): names select object members, whole numbers
/// select array elements.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    /// The path as written.
    public let description: String
    private let segments: [String]

    /// Parses `text`; nil when empty or with an empty segment.
    public init?(_ text: String) {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, !segments.contains(where: \.isEmpty) else { return nil }
        description = text
        self.segments = segments
    }

    /// The value at the path, if every step exists.
    public func value(in root: JSONValue) -> JSONValue? {
        var current = root
        for segment in segments {
            if let member = current[segment] {
                current = member
            } else if case let .array(elements) = current, let index = Int(segment), elements.indices.contains(index) {
                current = elements[index]
            } else {
                return nil
            }
        }
        return current
    }

    /// The value at the path as text: strings as they are, numbers and booleans written out.
    public func text(in root: JSONValue) -> String? {
        switch value(in: root) {
        case let .string(text)?: text
        case let .integer(number)?: String(number)
        case let .number(number)?: String(number)
        case let .bool(flag)?: String(flag)
        default: nil
        }
    }
}
