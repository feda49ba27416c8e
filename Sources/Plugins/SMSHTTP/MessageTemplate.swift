/// A text with `{name}` placeholders (URL, header or body of a provider request), parsed once when the
/// settings are read so that rendering a message cannot meet a syntax error.
///
/// A `{` that does not open `{identifier}` stays literal, so JSON bodies need no escaping:
/// `{"to": ["{to}"], "body": "{text}"}` has the placeholders `to` and `text`.
public struct MessageTemplate: Sendable, Equatable, CustomStringConvertible {
    /// One run of the template.
    public enum Piece: Sendable, Equatable {
        /// Text copied as written.
        case literal(String)
        /// A placeholder name, replaced (escaped) when rendering.
        case placeholder(String)
    }

    /// The template as written in the settings.
    public let description: String
    /// Literal runs and placeholders, in order.
    public let pieces: [Piece]

    /// Parses `source`; never fails (anything not a placeholder is literal text).
    public init(_ source: String) {
        description = source
        var pieces: [Piece] = []
        var literal = ""
        var index = source.startIndex
        while index < source.endIndex {
            if source[index] == "{", let (name, end) = Self.placeholder(in: source, at: index) {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(name))
                index = end
            } else {
                literal.append(source[index])
                index = source.index(after: index)
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// Every placeholder name used.
    public var placeholders: Set<String> {
        Set(pieces.compactMap { if case let .placeholder(name) = $0 { name } else { nil } })
    }

    /// The text with each placeholder replaced by its value escaped for `context`.
    ///
    /// Throws when a value is missing or cannot be written in `context` (a line break in a header).
    public func render(_ values: [String: String], for context: TemplateEscaping) throws(TemplateError) -> String {
        var output = ""
        for piece in pieces {
            switch piece {
            case let .literal(text): output += text
            case let .placeholder(name):
                guard let value = values[name] else { throw .missingValue(name) }
                output += try context.escape(value, placeholder: name)
            }
        }
        return output
    }

    /// `(name, index after "}")` when `{identifier}` starts at `start`.
    private static func placeholder(in source: String, at start: String.Index) -> (String, String.Index)? {
        var index = source.index(after: start)
        var name = ""
        while index < source.endIndex {
            let character = source[index]
            if character == "}" {
                return name.isEmpty ? nil : (name, source.index(after: index))
            }
            let isLetter = character.isASCII && (character.isLetter || character == "_")
            let isDigit = character.isASCII && character.isNumber
            guard isLetter || (isDigit && !name.isEmpty), name.count < 64 else { return nil }
            name.append(character)
            index = source.index(after: index)
        }
        return nil
    }
}
