/// How a provider's incoming-SMS callback becomes an ``IncomingSMS``.
public struct IncomingSMSMapping: Sendable, Equatable {
    /// Field with the sender.
    public var fromField: String
    /// Field with the receiving number.
    public var toField: String
    /// Field with the text.
    public var textField: String

    /// Creates a mapping.
    public init(fromField: String, toField: String, textField: String) {
        self.fromField = fromField
        self.toField = toField
        self.textField = textField
    }
}
