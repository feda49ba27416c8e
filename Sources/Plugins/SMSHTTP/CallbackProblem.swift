/// Why a callback was refused; the text names the field and is logged (rate-limited) and answered with 400.
public struct CallbackProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, naming the field.
    public var description: String
    /// HTTP status to answer with.
    public var status: Int

    /// Creates a problem.
    public init(_ description: String, status: Int = 400) {
        self.description = description
        self.status = status
    }
}
