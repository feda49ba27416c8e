/// The listener's answer to a callback.
public struct CallbackResponse: Sendable, Equatable {
    /// Status code.
    public var status: Int
    /// A short plain-text body.
    public var body: String

    /// Creates a response.
    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }

    /// `200 OK`.
    public static let ok = CallbackResponse(status: 200, body: "OK\n")
    /// `404` for paths the plugin does not serve.
    public static let notFound = CallbackResponse(status: 404, body: "not found\n")
}
