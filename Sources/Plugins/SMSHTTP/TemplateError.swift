/// Why a template could not be rendered for one message.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No value for the placeholder.
    case missingValue(String)
    /// The value holds characters the context cannot carry (CR, LF or NUL in a header).
    case unsafeValue(placeholder: String, reason: String)

    public var description: String {
        switch self {
        case let .missingValue(name): "no value for placeholder {\(name)}"
        case let .unsafeValue(name, reason): "value of {\(name)} \(reason)"
        }
    }
}
